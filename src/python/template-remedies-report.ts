/**
 * The report of the remedies scripts: the explorer's summary table (views.ts `summaryTable`: iterations
 * to the cost threshold, divergence, steps clipped, ‖dW[1]‖/‖dW[L]‖, spread across layers), the `--json`
 * output, the matplotlib drawing (one variant's ‖dW[l]‖ with the vanishing and exploding bands, or every
 * variant's cost) and `main`.
 */

export const PYTHON_REMEDIES_REPORT = String.raw`

# ---- The summary: the explorer's table ----
def js_ratio(a, b):
    """a / b as the page divides: inf or nan instead of an error when b is 0."""
    if b == 0:
        return math.nan if a == 0 or a != a else math.copysign(math.inf, a)
    return a / b


def summary(run, result):
    """The table's columns: first recorded iteration with cost <= threshold, % of updates clipped,
    ||dW[1]|| / ||dW[L]|| at the last record, and the largest max_l / min_l ||dW[l]|| over the records."""
    h = result["history"]
    reached = next((i for i, c in zip(h["iterations"], h["costs"]) if c <= FIGURE["threshold"]), None)
    spreads = [math.nan if any(v != v for v in g) else js_ratio(max(g), min(g)) for g in h["gradient_norms"]]
    spreads = [s for s in spreads if math.isfinite(s)]
    last = h["gradient_norms"][-1] if h["gradient_norms"] else None
    return {"reached": reached,
            "clipped_percent": 100 * result["clipped_steps"] / result["iteration"] if result["iteration"] else None,
            "first_over_last": js_ratio(last[0], last[-1]) if last else None,
            "spread": max(spreads) if spreads else None}


def text(x, missing="-"):
    """4 significant digits, as the page's table shows numbers; "-" for a missing one."""
    if x is None:
        return missing
    if isinstance(x, float) and not math.isfinite(x):
        return js_text(x)
    return "%.4g" % x


def print_run(run, result, s):
    print("== %s ==" % run["label"])
    weights = "N(0, %s^2) weights" % run["scale"] if run["init"] == "normal" else "%s init" % run["init"]
    print("%d hidden layers of %d %s units, %s, %s, learning rate %s, batches of %d, seed %d%s%s%s" % (
        len(run["layers"]) - 2, run["layers"][1], run["hidden"], weights, run["optimizer"], run["learning_rate"],
        run["batch_size"], run["seed"], ", clipped by %s at %s" % (run["clip"], run["clip_threshold"]) if run["clip"] != "none" else "",
        ", %s residual connections" % run["residual"] if run["residual"] != "none" else "", ", batch norm" if run["batch_norm"] else ""))
    h = result["history"]
    if FIGURE["plot"] == "cost":
        every = 10 * run["record_every"]
        for i, c in zip(h["iterations"], h["costs"]):
            if i % every == 0:
                print("Mini-batch cost at iteration %d: %.6f" % (i, c))
    if FIGURE["plot"] == "gradients":
        for i, norms in zip(h["iterations"], h["gradient_norms"]):
            print("||dW[l]|| at iteration %d: %s" % (i, ", ".join("l=%d %.4g" % (l, norms[l - 1]) for l in FIGURE["legend_layers"])))
    print("Status: %s" % result["status"])
    print("Iterations to cost <= %s: %s" % (FIGURE["threshold"], "not reached" if s["reached"] is None else s["reached"]))
    print("Steps clipped (%%): %s" % text(s["clipped_percent"]))
    print("||dW[1]|| / ||dW[L]|| (last record): %s" % text(s["first_over_last"]))
    print("Largest ||dW|| spread across layers: %s" % text(s["spread"]))
    print()


# ---- The figure, drawn with matplotlib if it is installed ----
def plot_gradients(plt, ax, run, result):
    """||dW[l]|| of every layer on a log axis, from layer 1 to L along a colour map, with the two bands shaded."""
    h = result["history"]
    norms = np.array(h["gradient_norms"]).reshape(len(h["iterations"]), -1)
    L = norms.shape[1]
    colors = plt.get_cmap("viridis")
    for l in range(1, L + 1):
        label = "||dW[%d]||" % l if l in FIGURE["legend_layers"] else None
        ax.plot(h["iterations"], norms[:, l - 1], color=colors((l - 1) / max(1, L - 1)), linewidth=1, label=label)
    shown = norms[np.isfinite(norms) & (norms > 0)]
    low, high = FIGURE["vanishing_below"], FIGURE["exploding_above"]
    bottom = min(float(shown.min()) if shown.size else low, low) / 10
    top = max(float(shown.max()) if shown.size else high, high) * 10
    ax.axhspan(bottom, low, color="tab:blue", alpha=0.1, label="vanishing (< %g)" % low)
    ax.axhspan(high, top, color="tab:red", alpha=0.1, label="exploding (> %g)" % high)
    ax.set_yscale("log")
    ax.set_ylim(bottom, top)
    ax.set_ylabel("gradient norm ||dW[l]||")


def plot_costs(ax, results):
    for run, result in zip(RUNS, results):
        h = result["history"]
        label = run["label"] + (" (%s)" % result["status"] if result["diverged_at"] is not None else "")
        ax.plot(h["iterations"], h["costs"], label=label)
    ax.axhline(FIGURE["threshold"], color="gray", linestyle="--", linewidth=1, label="threshold %s" % FIGURE["threshold"])
    ax.set_ylabel("mini-batch cost (binary cross-entropy)")


def draw(results):
    """Draws the figure if matplotlib imports, saving NAME-matplotlib.png; the numbers never need it."""
    if FIGURE["plot"] is None:
        return
    try:
        import matplotlib
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed, so only the numbers are printed (pip install matplotlib to draw the figure).")
        return
    fig, ax = plt.subplots(figsize=(8, 4.5))
    if FIGURE["plot"] == "gradients":
        plot_gradients(plt, ax, RUNS[FIGURE["variant"]], results[FIGURE["variant"]])
    else:
        plot_costs(ax, results)
    ax.set_xlabel("iteration")
    ax.legend(fontsize=8)
    fig.suptitle(FIGURE["title"], fontsize=10)
    fig.tight_layout()
    # Not NAME.png: that is the name the page's own PNG download takes, and it may sit beside this script.
    fig.savefig(FIGURE["name"] + "-matplotlib.png", dpi=120)
    print("Saved the figure as %s-matplotlib.png" % FIGURE["name"])
    if matplotlib.get_backend().lower() not in ("agg", "cairo", "pdf", "pgf", "ps", "svg", "template"):
        plt.show()


def main():
    X, Y = planar_dataset(**DATA)
    out = {"figure": FIGURE["name"], "runs": []}
    results = []
    for run in RUNS:
        result = train_remedies(X, Y, run)
        results.append(result)
        s = summary(run, result)
        entry = {"label": run["label"], "status": result["status"], "diverged_at": result["diverged_at"], "iteration": result["iteration"],
                 "clipped_steps": result["clipped_steps"]}
        entry.update(result["history"])
        entry.update(s)
        out["runs"].append(entry)
        if "--json" not in sys.argv:
            print_run(run, result, s)
    if "--json" in sys.argv:
        print(json.dumps(finite(out)))
        return
    draw(results)
`;
