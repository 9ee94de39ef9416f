/**
 * The measuring and printing part of the Python template: the explorers' extra measurements
 * (deep linear network, variance rule, histograms, the comparison's summary), the printed report
 * (the same lines the page and `npm run train` print) and `main`, which runs what FIGURE asks for.
 * Mirrors src/engine/theory.ts, stats.ts and the features' views.ts.
 */

/** Non-finite numbers in JSON and text, spelled as the page spells them (both templates print with these). */
export const PYTHON_JSON = String.raw`
def js_text(x):
    """NaN, Infinity and -Infinity, spelled as the page spells them."""
    return "NaN" if x != x else "Infinity" if x > 0 else "-Infinity"


def finite(value):
    """JSON without NaN or Infinity tokens: non-finite numbers become strings, as the page's JSON export does."""
    if isinstance(value, float) and not math.isfinite(value):
        return js_text(value)
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    if isinstance(value, np.ndarray):
        return finite(value.tolist())
    return value
`;

export const PYTHON_REPORT = String.raw`

# ---- Explorer measurements ----
def deep_linear(X, a, L):
    """The derivation's network: L linear layers W[l] = a I (2 x 2, no bias), dZ[L] = X. Returns the norms per layer."""
    m = X.shape[1]
    W = a * np.eye(2)
    A = [X]
    for l in range(1, L + 1):
        A.append(dot(W, A[l - 1]))  # A[l] = W[l] A[l-1] = a^l X
    dZ = {L: X}
    for l in range(L, 1, -1):
        dZ[l - 1] = dot(W.T, dZ[l])  # dZ[l-1] = W[l]^T dZ[l] = a^(L-l+1) X
    dW = [mean_outer(dZ[l], A[l - 1]) for l in range(1, L + 1)]  # (1/m) dZ[l] A[l-1]^T
    norm_X = float(np.linalg.norm(X))
    factor = a ** (L - 2)
    closed = factor * float(np.linalg.norm(np.dot(X, (a * X).T) / m))  # ||dW[l]|| = a^(L-2) ||dZ[L] (W[1] X)^T|| / m
    return {"factor": factor, "measured": [float(np.linalg.norm(d)) for d in dW], "closed_form": [closed] * L,
            "forward_measured": [float(np.linalg.norm(A[l])) for l in range(1, L + 1)],
            "forward_closed_form": [a ** l * norm_X for l in range(1, L + 1)],
            "backward_measured": [float(np.linalg.norm(dZ[l])) for l in range(1, L + 1)],
            "backward_closed_form": [a ** (L - l) * norm_X for l in range(1, L + 1)]}


def activation_curve(name, z_range, points):
    """g(z) and its slope g'(z) at points evenly spaced z over [-z_range, z_range] (g' as backprop gets it: dA = 1)."""
    z = np.array([-z_range + 2 * z_range * i / (points - 1) for i in range(points)])
    a = activation(name, z)
    return {"z": z.tolist(), "a": a.tolist(), "slope": activation_backward(name, np.ones(points), z, a).tolist()}


def variance_rule(X, run, seeds):
    """Var(z[l]) at initialization, measured and predicted as n[l-1] Var(W[l]) E[a[l-1]^2], averaged over seeds."""
    layers = run["layers"]
    L = len(layers) - 1
    measured, predicted = [0.0] * L, [0.0] * L
    for seed in seeds:
        parameters = initialize_parameters(layers, run["init"], run["scale"], seed)
        _, cache = forward_propagation(X, parameters, run["hidden"])
        for l in range(1, L + 1):
            below = cache["A%d" % (l - 1)]
            second_moment = float(np.mean(X * X)) if l == 1 else float(np.var(below) + np.mean(below) ** 2)
            std = weight_std(run["init"], layers[l - 1], layers[l], run["scale"]) if run["init"] != "constant" else 0.0
            measured[l - 1] += float(np.var(cache["Z%d" % l])) / len(seeds)
            predicted[l - 1] += layers[l - 1] * std * std * second_moment / len(seeds)
    return {"measured": measured, "predicted": predicted}


def histograms(cache, L, bins, lo, hi):
    """Counts of A[l] (l = 1..L) in equal bins over [lo, hi]; values outside land in the end bins."""
    width = (hi - lo) / bins
    counts = []
    for l in range(1, L + 1):
        A = cache["A%d" % l].ravel()
        k = np.floor((A[np.isfinite(A)] - lo) / width)
        counts.append(np.bincount(np.clip(k, 0, bins - 1).astype(int), minlength=bins).tolist())
    return counts


def reached(history, threshold):
    """The first recorded iteration whose cost is <= threshold, or None."""
    return next((i for i, c in zip(history["iterations"], history["costs"]) if c <= threshold), None)


# ---- Printing ----
def log_every(run):
    """The article prints every 1000 iterations (or the next multiple of the record interval)."""
    every = FIGURE.get("log_every") or 1000
    k = run["record_every"]
    return every if every % k == 0 else k * -(-every // k)


def fmt(x, digits=6):
    return ("%." + str(digits) + "f") % x if math.isfinite(x) else "not finite (%s)" % js_text(x)


def print_run(run, result):
    print("== %s ==" % run["label"])
    print("Layers %s, hidden %s, init %s%s, learning rate %s, %d iterations, seed %d" % (
        run["layers"], run["hidden"], run["init"], " (scale %s)" % run["scale"] if run["init"] in ("normal", "constant") else "",
        run["learning_rate"], run["iterations"], run["seed"]))
    h = result["history"]
    for at in FIGURE["show"]:
        if at in ("initial", "final"):
            p = result["initial" if at == "initial" else "parameters"]
            print("Parameters %s:" % ("before training" if at == "initial" else "after training"))
            for key in sorted(p, key=lambda k: (int(k[1:]), k[0] == "b")):
                print("%s = %s" % (key, np.array2string(p[key], precision=8, separator=", ")))
    if "log" in FIGURE["show"]:
        every = log_every(run)
        for i, c in zip(h["iterations"], h["costs"]):
            if i % every == 0:
                print("Cost after iteration %d: %.6f" % (i, c))
    if "gradients" in FIGURE["show"]:
        for i, norms in zip(h["iterations"], h["gradient_norms"]):
            print("||dW[l]|| at iteration %d: %s" % (i, ", ".join("l=%d %.6g" % (l + 1, v) for l, v in enumerate(norms))))
    if "symmetry" in FIGURE["show"]:
        for i, d in zip(h["iterations"], h["symmetry"]):
            if i % log_every(run) == 0:
                print("Largest distance between hidden units at iteration %d: %.6g" % (i, d[0]))
    if FIGURE["show"] != ["initial"]:
        print("Status: %s" % result["status"])
    if "report" in FIGURE["show"]:
        e = result["evaluation"]
        print("Final cost (after iteration %d): %s" % (result["iteration"], fmt(e["final_cost"])))
        print("Accuracy: %s" % e["accuracy"])
        (tn, fp), (fn, tp) = e["confusion"]
        zero = lambda den, why: " (0/0: %s; counted as 0)" % why if den == 0 else ""  # as the page and the CLI say it
        print("Precision (class 1): %.4f%s" % (e["precision"], zero(tp + fp, "no point predicted 1")))
        print("Recall (class 1): %.4f%s" % (e["recall"], zero(tp + fn, "no point is 1")))
        print("F1 (class 1): %.4f" % e["f1"])
        print("Confusion matrix (rows actual 0, 1; columns predicted 0, 1): %s" % e["confusion"])
    if FIGURE.get("threshold") is not None:
        at = reached(h, FIGURE["threshold"])
        print("Iterations to cost <= %s: %s" % (FIGURE["threshold"], "not reached" if at is None else at))
    print()


def main():
    X, Y = planar_dataset(**DATA)
    out = {"figure": FIGURE["name"], "runs": []}
    results = []
    if FIGURE["kind"] == "activation":
        c = out["activation"] = activation_curve(ACTIVATION["name"], ACTIVATION["range"], ACTIVATION["points"])
        if "--json" not in sys.argv:
            print("%s and its slope, z from -%g to %g (every 20th of %d points):" % (ACTIVATION["name"], ACTIVATION["range"], ACTIVATION["range"], ACTIVATION["points"]))
            print("%10s %14s %14s" % ("z", "g(z)", "g'(z)"))
            for i in range(0, ACTIVATION["points"], 20):
                print("%10.6g %14.6g %14.6g" % (c["z"][i], c["a"][i], c["slope"][i]))  # %g: tiny slopes keep their digits
            print("The slope peaks at %.6g on this range." % max(c["slope"]))
    if FIGURE["kind"] == "deep-linear":
        out["deep_linear"] = deep_linear(X, DEEP_LINEAR["a"], DEEP_LINEAR["depth"])
        if "--json" not in sys.argv:
            d = out["deep_linear"]
            print("Deep linear network, W[l] = %s I, L = %d: a^(L-2) = %.6g" % (DEEP_LINEAR["a"], DEEP_LINEAR["depth"], d["factor"]))
            for l in range(DEEP_LINEAR["depth"]):
                print("l=%d  ||A[l]|| %.6g  ||dZ[l]|| %.6g  ||dW[l]|| %.6g (closed form %.6g)" % (
                    l + 1, d["forward_measured"][l], d["backward_measured"][l], d["measured"][l], d["closed_form"][l]))
    for run in RUNS:
        trains = FIGURE["show"] != ["initial"]  # the parameters before training need no training
        result = train(X, Y, dict(run, iterations=run["iterations"] if trains else 0), "symmetry" in FIGURE["show"])
        result["evaluation"] = evaluate(X, Y, result["parameters"], run["hidden"])
        results.append(result)
        entry = {"label": run["label"], "status": result["status"], "diverged_at": result["diverged_at"], "iteration": result["iteration"]}
        entry.update(result["history"])
        entry.update(result["evaluation"])
        entry["initial"] = result["initial"]
        entry["final"] = result["parameters"]
        if FIGURE.get("threshold") is not None:
            entry["reached"] = reached(result["history"], FIGURE["threshold"])
        if "variance" in FIGURE:
            entry["variance"] = variance_rule(X, run, FIGURE["variance"])
        if "histogram" in FIGURE:
            h = FIGURE["histogram"]
            entry["histograms"] = histograms(result["last_cache"], len(run["layers"]) - 1, h["bins"], h["lo"], h["hi"])
        out["runs"].append(entry)
        if "--json" not in sys.argv:
            print_run(run, result)
            if "variance" in entry:
                v = entry["variance"]
                print("Var(z[l]) at initialization (%d draw%s): " % (len(FIGURE["variance"]), "s" if len(FIGURE["variance"]) > 1 else "")
                      + ", ".join("l=%d %.6g (rule %.6g)" % (l + 1, a, b) for l, (a, b) in enumerate(zip(v["measured"], v["predicted"]))))
    if "--json" in sys.argv:
        print(json.dumps(finite(out)))
        return
    draw(X, Y, results, out)
`;
