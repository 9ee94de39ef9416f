/**
 * The Python template every exported script is made from: this fixed numpy code (data, initialization,
 * forward and backward pass, training, report) plus a settings block that `script.ts` writes per figure.
 * It mirrors the engine operation for operation (src/engine: datasets.ts, initializers.ts, network.ts,
 * train.ts, theory.ts), so its numbers match the page's; names and formulas are the lesson's.
 */

/** The imports: numpy only (matplotlib is imported by `draw`, if it is there). */
export const PYTHON_IMPORTS = String.raw`import json
import math
import sys

import numpy as np
`;

/** Numpy settings shared by every script: overflow is reported as divergence, not as warnings. */
export const PYTHON_SETUP = String.raw`
# A diverging run overflows on purpose: train() reports "diverged at iteration k" instead of numpy warnings.
np.seterr(all="ignore")

`;

/** The functions the flower data is drawn with: numpy's in the plain scripts. */
export interface DataFunctions {
  readonly seed: string;
  readonly randn: string;
  readonly sin: string;
  readonly cos: string;
}

const NUMPY_DATA_FUNCTIONS: DataFunctions = { seed: 'np.random.seed', randn: 'np.random.randn', sin: 'np.sin', cos: 'np.cos' };

/** The flower data set (`planar_dataset`), drawn with the functions `f` (numpy's by default). */
export function pythonPlanarDataset(f: DataFunctions = NUMPY_DATA_FUNCTIONS): string {
  return String.raw`
# ---- The data: the planar "flower" (lesson: "Three initializations, compared" > "The experiment") ----
def planar_dataset(m=1000, seed=1, petal_radius=4.0, noise=0.2):
    """X of shape (2, m): column j is example j; Y of shape (1, m) holds its class, 0 or 1."""
    ${f.seed}(seed)
    n = m // 2
    X = np.zeros((2, m))
    Y = np.zeros((1, m))
    for j in range(2):
        t = np.linspace(j * 3.12, (j + 1) * 3.12, n) + ${f.randn}(n) * noise  # angle
        r = petal_radius * ${f.sin}(4 * t) + ${f.randn}(n) * noise  # radius of the rose r = 4 sin 4t
        X[0, n * j:n * (j + 1)] = r * ${f.sin}(t)
        X[1, n * j:n * (j + 1)] = r * ${f.cos}(t)
        Y[0, n * j:n * (j + 1)] = j
    return X, Y

`;
}

/** The flower data set of the plain scripts. */
export const PYTHON_DATA = pythonPlanarDataset();

/** The initialization rules: `weight_std`, the standard deviation of W[l] for each scheme. */
export const PYTHON_WEIGHT_STD = String.raw`
# ---- Initialization (lesson: "A partial remedy" > "Choosing the variance of the weights" and "The initialization in code") ----
def weight_std(init, n_prev, n, scale):
    """Standard deviation of the entries of W[l], of shape (n[l], n[l-1])."""
    if init == "zeros":
        return 0.0
    if init == "normal":
        return scale  # the article's "random" initialization: N(0, 1) times a scale
    if init == "lecun":
        return math.sqrt(1 / n_prev)  # Var(W) = 1/n[l-1] (LeCun et al., 1998)
    if init == "glorot":
        return math.sqrt(2 / (n_prev + n))  # Var(W) = 2/(n[l-1] + n[l]) (Glorot & Bengio, 2010)
    if init == "he":
        return math.sqrt(2 / n_prev)  # Var(W) = 2/n[l-1] (He et al., 2015)
    raise ValueError("unknown initialization " + repr(init))
`;

/** `initialize_parameters`: W[l] drawn with np.random.randn as the engine draws it. */
const PYTHON_INITIALIZE = String.raw`

def initialize_parameters(layers, init, scale, seed):
    """W1, b1, ..., WL, bL: np.random.seed(seed), then W[l] = randn(n[l], n[l-1]) * std, l = 1, 2, ...; b[l] = 0."""
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layers)):
        n, n_prev = layers[l], layers[l - 1]
        std = weight_std(init, n_prev, n, scale) if init != "constant" else 0.0
        if init == "constant":
            W = np.full((n, n_prev), float(scale))  # every weight equal: the units stay identical
        elif std == 0:
            W = np.zeros((n, n_prev))
        else:
            W = np.random.randn(n, n_prev) * std
        parameters["W%d" % l] = W
        parameters["b%d" % l] = np.zeros((n, 1))
    return parameters

`;

/** Initialization (`weight_std`, `initialize_parameters`). */
export const PYTHON_INIT = `${PYTHON_WEIGHT_STD}${PYTHON_INITIALIZE}`;

/** sigmoid and tanh as the article writes them, with `exp` the name of the exponential they call ("np.exp" in the plain scripts). */
export function pythonSigmoidTanh(exp: string): string {
  return String.raw`
# ---- Activations g and their slopes g' (lesson: "Why gradients explode or vanish") ----
def sigmoid(Z):
    return 1 / (1 + ${exp}(-Z))


def tanh(Z):
    # Written as the article writes it; clipping at |z| = 20 (where it is already +-1) avoids inf/inf.
    Z = np.clip(Z, -20, 20)
    e_pos, e_neg = ${exp}(Z), ${exp}(-Z)
    return (e_pos - e_neg) / (e_pos + e_neg)
`;
}

/** The activation rules g and g' by name (`activation`, `activation_backward`), as the engine computes them. */
export const PYTHON_ACTIVATION_RULES = String.raw`

def activation(name, Z):
    if name == "tanh":
        return tanh(Z)
    if name == "sigmoid":
        return sigmoid(Z)
    if name == "relu":
        return np.where(Z > 0, Z, 0.0)
    if name == "leaky-relu":
        return np.where(Z > 0, Z, 0.01 * Z)
    if name == "linear":
        return Z
    raise ValueError("unknown activation " + repr(name))


def activation_backward(name, dA, Z, A):
    """dZ = dA * g'(Z), with g' written from A = g(Z) where that is cheaper."""
    if name == "tanh":
        return dA * (1 - A * A)
    if name == "sigmoid":
        return dA * (A * (1 - A))
    if name == "relu":
        return np.where(Z > 0, dA, 0.0)
    if name == "leaky-relu":
        return np.where(Z > 0, dA, 0.01 * dA)
    return dA  # linear

`;

/** Activations g and their slopes g' (`activation`, `activation_backward`), as the engine computes them. */
export const PYTHON_ACTIVATIONS = `${pythonSigmoidTanh('np.exp')}${PYTHON_ACTIVATION_RULES}`;

/** Sums in the engine's order (`dot`, `mean_outer`), which keep even chaotic runs on the page's trajectory. */
export const PYTHON_SUMS = String.raw`
# ---- Sums in the page's order ----
# np.dot(W, A) and np.sum give the same values up to rounding (1e-16). The page's engine adds in a fixed order;
# adding in that order here keeps even a chaotic run (normal x 10) on the page's trajectory.
def dot(W, A):
    """W A, each entry summed over k = 0, 1, 2, ... in order."""
    Z = W[:, 0:1] * A[0:1, :]
    for k in range(1, W.shape[1]):
        Z += W[:, k:k + 1] * A[k:k + 1, :]
    return Z


def mean_outer(dZ, A_prev):
    """(1/m) dZ A_prev^T summed as the engine sums it: four partial sums s_r over the examples j = 4t + r, then (s0 + s1) + (s2 + s3)."""
    (n, m), n_prev = dZ.shape, A_prev.shape[0]
    q = m - m % 4
    P = dZ[:, None, :q].reshape(n, 1, q // 4, 4) * A_prev[None, :, :q].reshape(1, n_prev, q // 4, 4)
    s = np.sum(P, axis=2)  # along an axis that is not the last one, numpy adds the terms one after another, in order
    s0 = s[..., 0]
    for j in range(q, m):
        s0 = s0 + dZ[:, j:j + 1] * A_prev[:, j]
    return 1 / m * ((s0 + s[..., 1]) + (s[..., 2] + s[..., 3]))

`;

/** Forward and backward pass, cost, update and full-batch training of the plain network, and its evaluation. */
export const PYTHON_NETWORK = String.raw`
# ---- Forward pass, cost and backward pass (lesson: "Why gradients explode or vanish" > "Following the gradient backwards") ----
def forward_propagation(X, parameters, hidden, output="sigmoid"):
    """Z[l] = W[l] A[l-1] + b[l], A[l] = g(Z[l]); the last layer is a sigmoid. Returns A[L] and the cache."""
    L = len(parameters) // 2
    cache = {"A0": X}
    A = X
    for l in range(1, L + 1):
        Z = dot(parameters["W%d" % l], A) + parameters["b%d" % l]  # np.dot(W, A) + b
        A = activation(output if l == L else hidden, Z)
        cache["Z%d" % l] = Z
        cache["A%d" % l] = A
    return A, cache


def compute_cost(AL, Y):
    """Binary cross-entropy averaged over the m examples; inf or nan once an output saturates to exactly 0 or 1."""
    m = Y.shape[1]
    return float(np.sum(-(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))) / m)


def backward_propagation(dZL, cache, parameters, hidden):
    """From dZ[L]: dW[l] = (1/m) dZ[l] A[l-1]^T, db[l] = (1/m) sum_j dZ[l], dZ[l-1] = (W[l]^T dZ[l]) * g'(Z[l-1])."""
    L = len(parameters) // 2
    m = dZL.shape[1]
    grads = {"dZ%d" % L: dZL}
    dZ = dZL
    for l in range(L, 0, -1):
        A_prev = cache["A%d" % (l - 1)]
        grads["dW%d" % l] = mean_outer(dZ, A_prev)  # 1/m * np.dot(dZ, A_prev.T)
        grads["db%d" % l] = 1 / m * np.cumsum(dZ, axis=1)[:, -1:]  # 1/m * np.sum(dZ, axis=1, keepdims=True)
        if l > 1:
            dA_prev = dot(parameters["W%d" % l].T, dZ)  # np.dot(W.T, dZ)
            dZ = activation_backward(hidden, dA_prev, cache["Z%d" % (l - 1)], A_prev)
            grads["dZ%d" % (l - 1)] = dZ
    return grads


def update_parameters(parameters, grads, learning_rate):
    """W[l] = W[l] - learning_rate * dW[l], b[l] likewise; None if a value would be nan or inf (the run diverged)."""
    updated = {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}
    if not all(np.all(np.isfinite(value)) for value in updated.values()):
        return None
    return updated


def symmetry_distance(W, b):
    """Largest distance between two units' incoming weights (rows of W with their bias); 0 = all identical."""
    R = np.hstack([W, b])
    D = R[:, None, :] - R[None, :, :]
    return float(np.sqrt(np.max(np.sum(D * D, axis=2))))


# ---- Training: full-batch gradient descent (lesson: "Three initializations, compared") ----
def train(X, Y, run, measure_symmetry=False):
    """Trains one run. Records cost, ||dW[l]|| (and symmetry) every record_every iterations, before that iteration's update."""
    parameters = initialize_parameters(run["layers"], run["init"], run["scale"], run["seed"])
    initial = {key: value.copy() for key, value in parameters.items()}
    L = len(run["layers"]) - 1
    history = {"iterations": [], "costs": [], "gradient_norms": [], "symmetry": []}
    diverged_at = None
    last = None
    for i in range(run["iterations"]):
        AL, cache = forward_propagation(X, parameters, run["hidden"])
        last = cache  # the latest forward pass (the explorer's histograms show it)
        recording = i % run["record_every"] == 0
        # The cost is needed for a record, or when an output reached exactly 0 or 1 (then it may be infinite).
        cost = compute_cost(AL, Y) if recording or not np.all((AL > 0) & (AL < 1)) else None
        if cost is not None and not math.isfinite(cost):
            diverged_at = i
            break
        grads = backward_propagation(AL - Y, cache, parameters, run["hidden"])  # dZ[L] = A[L] - Y
        if recording:
            history["iterations"].append(i)
            history["costs"].append(cost)
            history["gradient_norms"].append([float(np.linalg.norm(grads["dW%d" % l])) for l in range(1, L + 1)])
            if measure_symmetry:
                history["symmetry"].append([symmetry_distance(parameters["W%d" % l], parameters["b%d" % l]) for l in range(1, L)])
        updated = update_parameters(parameters, grads, run["learning_rate"])
        if updated is None:
            diverged_at = i
            break
        parameters = updated
    done = run["iterations"] if diverged_at is None else diverged_at
    status = "done: %d iterations" % done if diverged_at is None else "diverged at iteration %d" % diverged_at
    return {"parameters": parameters, "initial": initial, "history": history, "status": status,
            "diverged_at": diverged_at, "iteration": done, "last_cache": last}


def evaluate(X, Y, parameters, hidden):
    """Cost of the final weights, predictions (1 where A[L] > 0.5) and the scores of class 1."""
    AL, _ = forward_propagation(X, parameters, hidden)
    predictions = (AL > 0.5).astype(int)
    confusion = [[int(np.sum((Y == a) & (predictions == p))) for p in (0, 1)] for a in (0, 1)]
    (tn, fp), (fn, tp) = confusion
    ratio = lambda num, den: num / den if den else 0.0
    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    return {"final_cost": compute_cost(AL, Y), "confusion": confusion, "accuracy": ratio(tp + tn, tn + fp + fn + tp),
            "precision": precision, "recall": recall, "f1": ratio(2 * precision * recall, precision + recall)}
`;

/** The numpy part: everything a script computes. Printing is in template-report.ts, plots in template-plots.ts. */
export const PYTHON_CORE = `${PYTHON_SETUP}${PYTHON_DATA}${PYTHON_INIT}${PYTHON_ACTIVATIONS}${PYTHON_SUMS}${PYTHON_NETWORK}`;
