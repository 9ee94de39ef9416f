/**
 * The page's elementary functions in Python, so a script computes the page's bits on every machine:
 * exp as src/engine/fast-math.ts `expFast` (Tang's table method, the same IEEE operations and table), and a
 * correctly rounded log, sin and cos as the engine's precise-log.ts and precise-trig.ts (60-digit decimals,
 * then rounded). numpy's own np.exp, np.sin and libm's log differ from them in the last bit on a few
 * arguments in a hundred, and in a deep network, batch-normalized above all, one ulp grows iteration
 * after iteration. The normal draws are numpy's legacy polar method with that log.
 */
import { EXP2_FRACTION, EXP2_FRACTION_LO } from '../engine/fast-math.ts';
import { py } from './literal.ts';

/** A float table as a numpy array literal, four numbers a line; each number round-trips exactly. */
function table(values: Float64Array): string {
  const rows: string[] = [];
  for (let i = 0; i < values.length; i += 4) rows.push(`    ${Array.from(values.slice(i, i + 4), (v) => py(v)).join(', ')},`);
  return `np.array([\n${rows.join('\n')}\n])`;
}

/** `exp` (arrays), `page_log`, `page_seed`, `page_randn`, `page_sin` and `page_cos`, bit for bit the engine's. */
export const PYTHON_PAGE_MATH = String.raw`

# ---- The page's exp, log, normal draws, sin and cos: its bits on every machine ----
# np.exp, np.sin and libm's log may differ from the page's in the last bit; in a deep network one ulp grows.
EXP2_FRACTION = ${table(EXP2_FRACTION)}  # 2^(j/64), j = 0..63, correctly rounded
EXP2_FRACTION_LO = ${table(EXP2_FRACTION_LO)}  # 2^(j/64) - EXP2_FRACTION[j]
INV_LN2_64 = 64 / 0.6931471805599453
LN2_HI, LN2_LO = 0.6931471803691238 / 64, 1.9082149292705877e-10 / 64  # ln 2 / 64 in two parts: k LN2_HI is exact


def exp_in_range(x):
    """e^x for -700 < x < 700: x = (k/64) ln 2 + r, e^x = 2^(k/64) e^r, e^r - 1 by a degree-6 polynomial."""
    kf = np.floor(x * INV_LN2_64 + 0.5)
    k = kf.astype(np.int32)  # |k| < 2^16; int32 is what np.ldexp takes everywhere
    r = x - kf * LN2_HI - kf * LN2_LO
    r2 = r * r
    p = r + r2 * (0.5 + r * (1 / 6)) + r2 * r2 * (1 / 24 + r * (1 / 120) + r2 * (1 / 720))
    t = EXP2_FRACTION[k & 63]
    return (t + (EXP2_FRACTION_LO[k & 63] + t * p)) * np.ldexp(1.0, k >> 6)


def exp(x):
    """e^x for any x: exp_in_range inside (-700, 700), (e^(x/2))^2 up to 1400, then inf or 0; nan stays nan."""
    x = np.asarray(x, dtype=float)
    inside = (x > -700) & (x < 700)
    if inside.all():
        return exp_in_range(x)  # the usual case, without the masks
    half = (x > -1400) & (x < 1400) & ~inside
    y = exp_in_range(np.where(inside, x, np.where(half, x / 2, 0.0)))
    y = np.where(half, y * y, y)
    return np.where(inside | half, y, np.where(x >= 1400, np.inf, np.where(x <= -1400, 0.0, x)))
DECIMALS = decimal.Context(prec=60)
TWO_PI = DECIMALS.create_decimal("6.283185307179586476925286766559005768394338798750211641949889")
SPARE = []  # the second value of the last normal pair, as numpy keeps it


def page_log(x):
    """ln x correctly rounded, as the page's engine takes it (precise-log.ts)."""
    return float(DECIMALS.ln(decimal.Decimal(x)))


def page_seed(seed):
    """np.random.seed(seed), forgetting the kept normal as numpy does."""
    np.random.seed(seed)
    SPARE.clear()


def page_randn(*shape):
    """np.random.randn(*shape) as numpy's legacy polar method draws it from np.random's stream (pairs, the second
    value kept for the next draw), with page_log instead of libm's log, which rounds the other way on ~1 % of draws."""
    out = np.empty(int(np.prod(shape)))
    for i in range(out.size):
        if SPARE:
            out[i] = SPARE.pop()
            continue
        r2 = 0.0
        while r2 >= 1.0 or r2 == 0.0:
            x1 = 2.0 * np.random.random_sample() - 1.0
            x2 = 2.0 * np.random.random_sample() - 1.0
            r2 = x1 * x1 + x2 * x2
        f = math.sqrt(-2.0 * page_log(r2) / r2)
        SPARE.append(f * x1)
        out[i] = f * x2
    return out.reshape(shape)


def page_trig(values, first):
    """sin (first = 1) or cos (first = 0) of each value, correctly rounded: the Taylor series in 60-digit decimals."""
    out = []
    for v in np.ravel(values):
        x = decimal.Decimal(float(v))
        x = DECIMALS.subtract(x, DECIMALS.multiply(TWO_PI, DECIMALS.divide(x, TWO_PI).to_integral_value()))  # |x| <= pi
        x2 = DECIMALS.multiply(x, x)
        term = x if first else decimal.Decimal(1)
        total, n = term, first
        while abs(term) > decimal.Decimal("1e-70"):
            term = DECIMALS.divide(DECIMALS.multiply(-term, x2), (n + 1) * (n + 2))
            total, n = DECIMALS.add(total, term), n + 2
        out.append(float(total))
    return np.array(out).reshape(np.shape(values))


def page_sin(values):
    return page_trig(values, 1)


def page_cos(values):
    return page_trig(values, 0)
`;
