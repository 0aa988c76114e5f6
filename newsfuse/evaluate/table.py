"""The evaluation table as text: one row per system, ROUGE in percent."""

from __future__ import annotations

from newsfuse.evaluate.rouge import METRICS
from newsfuse.evaluate.runner import EvalReport

_LABELS = {"rouge1": "R-1", "rouge2": "R-2", "rougeL": "R-L", "rougeLsum": "R-Lsum"}


def render_table(report: EvalReport, peer: str = "lexrank") -> str:
    languages = ", ".join(f"{code} x{count}" for code, count in sorted(report.languages.items()))
    lines = [f"{report.data}: {report.clusters} clusters ({languages}), summaries truncated to {report.words} words",
             ""]
    header = (["system"] + [f"{_LABELS[m]} F1" for m in METRICS] + [f"{_LABELS[m]} R" for m in METRICS]
              + ["ms/cluster", "CPU ms", "peak MB"])
    rows = []
    for system in report.systems:
        peak = "-" if system.peak_mb is None else f"{system.peak_mb:.1f}"
        rows.append([system.name]
                    + [f"{100 * system.rouge.f1[m]:.2f}" for m in METRICS]
                    + [f"{100 * system.rouge.recall[m]:.2f}" for m in METRICS]
                    + [f"{system.ms_per_cluster:.0f}", f"{system.cpu_ms_per_cluster:.0f}", peak])
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(cells))
    names = [s.name for s in report.systems]
    if "newsfuse" in names and peer in names and report.system(peer).ms_per_cluster:
        ratio = report.system("newsfuse").ms_per_cluster / report.system(peer).ms_per_cluster
        cpu_peer = report.system(peer).cpu_ms_per_cluster
        cpu_ratio = report.system("newsfuse").cpu_ms_per_cluster / cpu_peer if cpu_peer else float("nan")
        lines += ["", f"newsfuse time / {peer} time: {ratio:.2f} (wall), {cpu_ratio:.2f} (CPU)"]
    return "\n".join(lines) + "\n"
