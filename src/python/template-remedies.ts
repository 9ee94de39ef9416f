/**
 * The numpy part of the remedies scripts ("Remedies side by side"): a deep network with residual
 * connections and batch normalization, trained on shuffled mini-batches with gradient clipping and the
 * gd, momentum, rmsprop and adam rules. It mirrors src/engine/remedies.ts, deep-network.ts, batchnorm.ts,
 * residual.ts, clipping.ts and optimizers.ts operation for operation (sums in the engine's order), and
 * reuses the plain template's data, initialization rules, activations and ordered sums (template.ts), with
 * the page's exp, log, normal draws, sin and cos (template-page-math.ts).
 * Adapted from test/fixtures/remedies_reference.py, our numpy reference of the engine.
 */

export const PYTHON_REMEDIES_CORE = String.raw`

# ---- The remedies (lesson: "Beyond initialization") ----
BN_EPSILON = 1e-5  # batch norm's epsilon, as PyTorch and cuDNN set it (Ioffe & Szegedy 2015 leave it open)
BN_MOMENTUM = 0.1  # weight of the newest batch in the running statistics (PyTorch's default)
OPTIMIZER_DEFAULTS = {"gd": {}, "momentum": {"beta": 0.9}, "rmsprop": {"rho": 0.9, "epsilon": 1e-8},
                      "adam": {"beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}}


def row_sum(M):
    """Sum of each row of M, shape (n, 1), added column after column as the engine adds (np.sum(M, axis=1, keepdims=True))."""
    return np.cumsum(M, axis=1)[:, -1:]


def initialize_deep(run):
    """The trainable tensors in the engine's order (per layer: W, then b or gamma and beta, then P), the skips and the running statistics.

    np.random.seed(seed), W[l] = randn(n[l], n[l-1]) * std for l = 1..L (page_randn: the page's bits), then P[l] likewise where a skip
    joins layers of different widths. A batch-normalized layer's bias stays 0 (Ioffe & Szegedy 2015, section 3.2).
    """
    layers, init, scale = run["layers"], run["init"], run["scale"]
    L = len(layers) - 1
    page_seed(run["seed"])

    def weights(n, n_prev):
        if init == "constant":
            return np.full((n, n_prev), float(scale))  # every weight equal: the units stay identical
        std = weight_std(init, n_prev, n, scale)
        return page_randn(n, n_prev) * std if std != 0 else np.zeros((n, n_prev))

    params, skip, running, projections = {}, [False] * (L + 1), {}, []
    for l in range(1, L + 1):
        n, n_prev = layers[l], layers[l - 1]
        params["W%d" % l] = weights(n, n_prev)
        if run["batch_norm"] and l < L:
            params["gamma%d" % l], params["beta%d" % l] = np.ones((n, 1)), np.zeros((n, 1))
            running[l] = (np.zeros((n, 1)), np.ones((n, 1)))  # mean and variance, for predictions
        else:
            params["b%d" % l] = np.zeros((n, 1))
        skip[l] = l < L and (run["residual"] == "projection" or (run["residual"] == "identity" and n == n_prev))
        if skip[l] and n != n_prev:
            params["P%d" % l] = None  # drawn below, after every W[l], as the engine draws it
            projections.append(l)
    for l in projections:
        params["P%d" % l] = weights(layers[l], layers[l - 1])
    return {"params": params, "skip": skip, "running": running}


def forward_deep(net, X, hidden):
    """A[L] for the m examples of X (2 x m) and the cache. Hidden layer l:
    Z = W A[l-1] + b; Y = gamma (Z - mu) / sqrt(var + eps) + beta with the batch's mu and var (or Y = Z);
    G = g(Y); A[l] = A[l-1] + G (identity skip), P A[l-1] + G (projection) or G. The output is a sigmoid.
    """
    p, skip = net["params"], net["skip"]
    L, m = len(skip) - 1, X.shape[1]
    A = X
    cache = {"A0": X}
    for l in range(1, L + 1):
        Z = dot(p["W%d" % l], A) + p.get("b%d" % l, 0.0)
        if l == L:
            return sigmoid(Z), cache
        Y = Z
        if "gamma%d" % l in p:
            mu = row_sum(Z) / m
            D = Z - mu
            var = row_sum(D * D) / m  # biased: the batch's own variance
            inv = 1 / np.sqrt(var + BN_EPSILON)
            Zhat = D * inv
            Y = p["gamma%d" % l] * Zhat + p["beta%d" % l]
            mean_run, var_run = net["running"][l]
            unbiased = var * (m / (m - 1) if m > 1 else 1)
            net["running"][l] = ((1 - BN_MOMENTUM) * mean_run + BN_MOMENTUM * mu, (1 - BN_MOMENTUM) * var_run + BN_MOMENTUM * unbiased)
            cache["Zhat%d" % l], cache["inv%d" % l] = Zhat, inv
        G = activation(hidden, Y)
        if skip[l]:
            A = (dot(p["P%d" % l], A) if "P%d" % l in p else A) + G
        else:
            A = G
        cache["Y%d" % l], cache["G%d" % l], cache["A%d" % l] = Y, G, A


def backward_deep(net, dZL, cache, hidden):
    """Gradients "d" + name of every trainable tensor from dZ[L] = A[L] - Y. Batch norm (dY m-scaled like dZ):
    dgamma = mean(dY Zhat), dbeta = mean(dY), dZ = inv (gamma dY - mean(gamma dY) - Zhat mean(gamma dY Zhat)).
    A skip adds S^T dA[l] to dA[l-1]; a projection gets dP = (1/m) dA[l] A[l-1]^T (He et al. 2016, eqs. 1-2).
    """
    p, skip = net["params"], net["skip"]
    L, m = len(skip) - 1, dZL.shape[1]
    grads = {}
    dZ, dA = dZL, None
    for l in range(L, 0, -1):
        A_prev = cache["A%d" % (l - 1)]
        if l < L:
            dZ = activation_backward(hidden, dA, cache["Y%d" % l], cache["G%d" % l])
            if "gamma%d" % l in p:
                Zhat, gamma = cache["Zhat%d" % l], p["gamma%d" % l]
                s, s_hat = row_sum(dZ), row_sum(dZ * Zhat)
                grads["dgamma%d" % l], grads["dbeta%d" % l] = s_hat / m, s / m
                dZ = cache["inv%d" % l] * (gamma * dZ - gamma * s / m - Zhat * (gamma * s_hat / m))
        grads["dW%d" % l] = mean_outer(dZ, A_prev)  # 1/m * np.dot(dZ, A_prev.T)
        if "b%d" % l in p:
            grads["db%d" % l] = 1 / m * row_sum(dZ)
        dA_prev = dot(p["W%d" % l].T, dZ) if l > 1 else None  # np.dot(W.T, dZ); layer 1 needs no dA[0]
        if l < L and skip[l]:
            P = p.get("P%d" % l)
            if P is None:
                dA_prev = dA_prev + dA if l > 1 else None
            else:
                grads["dP%d" % l] = 1 / m * np.cumsum(dA[:, None, :] * A_prev[None, :, :], axis=2)[..., -1]
                for i in range(P.shape[0] if l > 1 else 0):
                    dA_prev += P[i:i + 1, :].T * dA[i:i + 1, :]  # + P^T dA, unit after unit
        dA = dA_prev
    return grads


def global_norm(gradients):
    """sqrt of the sum of every squared entry, in slot order, scaled by the largest entry so 1e200 does not overflow (Pascanu et al. 2013)."""
    flat = np.concatenate([g.ravel() for g in gradients])
    size = np.abs(flat)
    if np.isnan(size).any():
        return math.nan
    top = float(size.max())
    if top == 0 or top == math.inf:
        return top
    v = flat / top
    return top * math.sqrt(float(np.cumsum(v * v)[-1]))


def clip_gradients(rule, gradients, c):
    """Clips in place: "norm" scales all by c/||g|| when ||g|| > c (Pascanu et al. 2013, Alg. 2), "value" clamps each entry to [-c, c]. True if anything changed."""
    if rule == "norm":
        norm = global_norm(gradients)
        if not norm > c:
            return False
        for g in gradients:
            g *= c / norm
        while global_norm(gradients) > c:  # rounding can leave the norm an ulp above c: shrink until it is not
            for g in gradients:
                g *= 1 - 2 ** -50
        return True
    clipped = any(bool(np.any((g > c) | (g < -c))) for g in gradients)
    for g in gradients:
        np.clip(g, -c, c, out=g)
    return clipped


def optimizer_step(run, params, grads, state, t):
    """The new parameters after update t (1, 2, ...), or None, changing nothing, if one would be nan or inf.
    gd: x - lr g; momentum: v = beta v + (1 - beta) g, x - lr v; rmsprop: s = rho s + (1 - rho) g^2, x - lr g / (sqrt(s) + eps);
    adam: m, v as both, x - lr (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps) (Kingma & Ba 2015, Algorithm 1).
    """
    rule, lr = run["optimizer"], run["learning_rate"]
    h = dict(OPTIMIZER_DEFAULTS[rule], **run.get("hyperparameters", {}))
    updated = {}
    for key, x in params.items():
        g, s = grads["d" + key], state.setdefault(key, [np.zeros_like(x), np.zeros_like(x)])
        if rule == "gd":
            step = lr * g
        elif rule == "momentum":
            s[0] = h["beta"] * s[0] + (1 - h["beta"]) * g
            step = lr * s[0]
        elif rule == "rmsprop":
            s[1] = h["rho"] * s[1] + (1 - h["rho"]) * (g * g)
            step = lr * (g / (np.sqrt(s[1]) + h["epsilon"]))
        else:
            s[0] = h["beta1"] * s[0] + (1 - h["beta1"]) * g
            s[1] = h["beta2"] * s[1] + (1 - h["beta2"]) * (g * g)
            step = lr * ((s[0] / (1 - h["beta1"] ** t)) / (np.sqrt(s[1] / (1 - h["beta2"] ** t)) + h["epsilon"]))
        updated[key] = x - step
    if not all(np.all(np.isfinite(value)) for value in updated.values()):
        return None
    return updated


def batch_cost(AL, Y):
    """Binary cross-entropy of the batch, its terms added in order; inf or nan once an output saturates to exactly 0 or 1."""
    terms = -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(np.cumsum(terms)[-1] / Y.shape[1])


def train_remedies(X, Y, run):
    """Trains one variant: iteration i takes mini-batch i % (batches per epoch) of the epoch's order,
    np.random.permutation(m) drawn after the weights at each epoch start (none when the batch is all the data).
    At every i with i % record_every == 0 records the batch's cost before the update and ||dW[l]|| before clipping.
    """
    net = initialize_deep(run)
    L = len(run["layers"]) - 1
    m = X.shape[1]
    B = min(run["batch_size"], m)
    per_epoch = -(-m // B)
    order = np.arange(m)
    state = {}
    history = {"iterations": [], "costs": [], "gradient_norms": []}
    clipped, diverged_at, i = 0, None, 0
    for i in range(run["iterations"]):
        k = i % per_epoch
        if B < m and k == 0:
            order = np.random.permutation(m)
        batch = order[k * B:(k + 1) * B]
        Xb, Yb = X[:, batch], Y[:, batch]
        AL, cache = forward_deep(net, Xb, run["hidden"])
        cost = batch_cost(AL, Yb)
        if not math.isfinite(cost):
            diverged_at = i
            break
        grads = backward_deep(net, AL - Yb, cache, run["hidden"])  # dZ[L] = A[L] - Y
        if i % run["record_every"] == 0:
            history["iterations"].append(i)
            history["costs"].append(cost)
            history["gradient_norms"].append([float(np.linalg.norm(grads["dW%d" % l])) for l in range(1, L + 1)])
        if run["clip"] != "none" and clip_gradients(run["clip"], [grads["d" + key] for key in net["params"]], run["clip_threshold"]):
            clipped += 1
        updated = optimizer_step(run, net["params"], grads, state, i + 1)
        if updated is None:
            diverged_at = i
            break
        net["params"] = updated
    done = run["iterations"] if diverged_at is None else diverged_at
    status = "done: %d iterations" % done if diverged_at is None else "diverged at iteration %d" % diverged_at
    return {"net": net, "history": history, "status": status, "diverged_at": diverged_at, "iteration": done, "clipped_steps": clipped}
`;
