/**
 * The drawing part of the Python template: a matplotlib version of each kind of figure, drawn
 * only when matplotlib imports (the numbers never need it). Saves `<figure>-matplotlib.png` beside the
 * script and opens a window when the backend is interactive.
 */

export const PYTHON_PLOTS = String.raw`

# ---- The figure, drawn with matplotlib if it is installed ----
NON_INTERACTIVE = ("agg", "cairo", "pdf", "pgf", "ps", "svg", "template")


def plot_costs(plt, results):
    fig, ax = plt.subplots(figsize=(8, 4.5))
    for run, result in zip(RUNS, results):
        h = result["history"]
        label = run["label"] + (" (%s)" % result["status"] if result["diverged_at"] is not None else "")
        ax.plot(h["iterations"], h["costs"], label=label)
    if FIGURE.get("threshold") is not None:
        ax.axhline(FIGURE["threshold"], color="gray", linestyle="--", linewidth=1, label="threshold %s" % FIGURE["threshold"])
    ax.set_yscale(FIGURE.get("y_scale", "linear"))
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost (binary cross-entropy)")
    ax.legend()
    return fig


def plot_boundaries(plt, X, Y, results):
    """Actual classes, then each run's predicted probability of class 1 over the plane with the data on top."""
    panels = ([None] if FIGURE.get("actual_panel") else []) + list(zip(RUNS, results))
    fig, axes = plt.subplots(1, len(panels), figsize=(4.2 * len(panels), 4.2), squeeze=False)
    pad = 0.08 * (X.max(axis=1) - X.min(axis=1))
    xs = np.linspace(X[0].min() - pad[0], X[0].max() + pad[0], 200)
    ys = np.linspace(X[1].min() - pad[1], X[1].max() + pad[1], 200)
    gx, gy = np.meshgrid(xs, ys)
    for ax, panel in zip(axes[0], panels):
        if panel is not None:
            run, result = panel
            P, _ = forward_propagation(np.vstack([gx.ravel(), gy.ravel()]), result["parameters"], run["hidden"])
            ax.contourf(gx, gy, P.reshape(gx.shape), levels=np.linspace(0, 1, 11), cmap="RdBu", alpha=0.6, vmin=0, vmax=1)
            diverged = " (%s)" % result["status"] if result["diverged_at"] is not None else ""
            ax.set_title("%s\naccuracy %s%s" % (run["label"], result["evaluation"]["accuracy"], diverged), fontsize=9)
        else:
            ax.set_title("Actual classes", fontsize=9)
        ax.scatter(X[0], X[1], c=Y[0], cmap="RdBu", s=6, edgecolors="none", vmin=0, vmax=1)
        ax.set_aspect("equal")
    return fig


def plot_gradients(plt, results):
    fig, ax = plt.subplots(figsize=(8, 4.5))
    h = results[0]["history"]
    norms = np.array(h["gradient_norms"]) if h["gradient_norms"] else np.zeros((0, 0))
    for l in range(norms.shape[1]):
        ax.plot(h["iterations"], norms[:, l], label="||dW[%d]||" % (l + 1))
    ax.set_yscale("log")
    ax.set_xlabel("iteration")
    ax.set_ylabel("gradient norm")
    ax.legend(ncol=2, fontsize=8)
    return fig


def plot_histograms(plt, out):
    counts = np.array(out["runs"][0]["histograms"])
    hidden = counts[:-1]  # the output layer is one unit
    h = FIGURE["histogram"]
    edges = np.linspace(h["lo"], h["hi"], h["bins"] + 1)
    cols = min(5, len(hidden))
    rows = -(-len(hidden) // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(2.6 * cols, 2.2 * rows), squeeze=False)
    for k, ax in enumerate(axes.ravel()):
        if k < len(hidden):
            ax.bar(edges[:-1], hidden[k], width=np.diff(edges), align="edge")
            ax.set_title("a[%d]" % (k + 1), fontsize=9)
        else:
            ax.axis("off")
    return fig


def plot_variance(plt, out):
    v = out["runs"][0]["variance"]
    hidden = len(RUNS[0]["layers"]) - 2  # the output layer is one unit: too few samples for the rule
    layers = np.arange(1, hidden + 1)
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot(layers, v["measured"][:hidden], "o-", label="measured Var(z[l])")
    ax.plot(layers, v["predicted"][:hidden], "s--", label="rule n[l-1] Var(W[l]) E[a[l-1]^2]")
    ax.set_yscale("log")
    ax.set_xlabel("layer l")
    ax.legend()
    return fig


def plot_symmetry(plt, results):
    fig, ax = plt.subplots(figsize=(8, 4))
    h = results[0]["history"]
    ax.plot(h["iterations"], [d[0] for d in h["symmetry"]])
    ax.set_xlabel("iteration")
    ax.set_ylabel("largest distance between hidden units")
    return fig


def plot_deep_linear(plt, d):
    fig, ax = plt.subplots(figsize=(8, 4.5))
    layers = np.arange(1, len(d["measured"]) + 1)
    for key, label in (("forward", "||A[l]||"), ("backward", "||dZ[l]||")):
        ax.plot(layers, d[key + "_measured"], "o-", label=label + " measured")
        ax.plot(layers, d[key + "_closed_form"], "k:", linewidth=1)
    ax.plot(layers, d["measured"], "s-", label="||dW[l]|| measured")
    ax.plot(layers, d["closed_form"], "k--", linewidth=1, label="closed forms")
    ax.set_yscale("log")
    ax.set_xlabel("layer l")
    ax.legend()
    return fig


def plot_activation(plt, c):
    fig, ax = plt.subplots(figsize=(8, 3.5))
    ax.axhline(0, color="gray", linewidth=1)
    ax.plot(c["z"], c["a"], label="%s(z)" % ACTIVATION["name"])
    ax.plot(c["z"], c["slope"], label="%s'(z)" % ACTIVATION["name"])
    ax.set_xlabel("z")
    ax.legend()
    return fig


def draw(X, Y, results, out):
    """Draws the figure if matplotlib imports; the numbers above never need it."""
    kind = FIGURE["plot"]
    if kind is None:
        return
    try:
        import matplotlib
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed, so only the numbers are printed (pip install matplotlib to draw the figure).")
        return
    if kind == "cost":
        fig = plot_costs(plt, results)
    elif kind == "boundaries":
        fig = plot_boundaries(plt, X, Y, results)
    elif kind == "gradients":
        fig = plot_gradients(plt, results)
    elif kind == "histograms":
        fig = plot_histograms(plt, out)
    elif kind == "variance":
        fig = plot_variance(plt, out)
    elif kind == "symmetry":
        fig = plot_symmetry(plt, results)
    elif kind == "activation":
        fig = plot_activation(plt, out["activation"])
    else:
        fig = plot_deep_linear(plt, out["deep_linear"])
    fig.suptitle(FIGURE["title"], fontsize=10)
    fig.tight_layout()
    # Not NAME.png: that is the name the page's own PNG download takes, and it may sit beside this script.
    fig.savefig(FIGURE["name"] + "-matplotlib.png", dpi=120)
    print("Saved the figure as %s-matplotlib.png" % FIGURE["name"])
    if matplotlib.get_backend().lower() not in NON_INTERACTIVE:
        plt.show()
`;
