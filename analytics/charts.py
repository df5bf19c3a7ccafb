"""Charts drawn on our server as inline SVG: no script, no library, nothing from elsewhere.

Each chart stands beside a table with the same numbers (the accessible form and the CSV),
so the drawing only needs to be readable at a glance: bars with a scale and a few labels.
"""

WIDTH, HEIGHT = 640, 180
TOP, BOTTOM, LEFT = 12, 22, 40


def bars(points, width=WIDTH, height=HEIGHT, labels_every=None):
    """Vertical bars for [(label, value)]; labels under every n-th bar so they never overlap."""
    values = [value or 0 for _, value in points]
    top = max(values, default=0) or 1
    plot_width, plot_height = width - LEFT, height - TOP - BOTTOM
    step = plot_width / max(len(points), 1)
    every = labels_every or max(1, round(len(points) / 8))
    drawn = []
    for index, (label, value) in enumerate(points):
        bar_height = round((value or 0) / top * plot_height, 1)
        x = LEFT + index * step
        drawn.append(
            {
                "x": round(x + step * 0.1, 1),
                "y": round(TOP + plot_height - bar_height, 1),
                "width": round(max(step * 0.8, 1), 1),
                "height": bar_height,
                "label": label,
                "value": value,
                "show_label": index % every == 0,
                "label_x": round(x + step / 2, 1),
            }
        )
    return {
        "width": width,
        "height": height,
        "bars": drawn,
        "top": top,
        "base_y": TOP + plot_height,
        "label_y": height - 6,
        "left": LEFT,
        "mid": round(top / 2, 1) if top % 2 else top // 2,
        "mid_y": TOP + plot_height / 2,
        "top_y": TOP,
    }


def sparkline(values, width=120, height=28):
    """A line through the values, for a table cell: the numbers stand in the cell beside it."""
    top = max(values, default=0) or 1
    step = width / max(len(values) - 1, 1)
    points = " ".join(
        f"{round(index * step, 1)},{round(height - 2 - value / top * (height - 4), 1)}"
        for index, value in enumerate(values)
    )
    return {"width": width, "height": height, "points": points, "top": max(values, default=0)}


ROW, LABEL_WIDTH, VALUE_WIDTH = 22, 190, 56


def hbars(points, width=WIDTH):
    """Horizontal bars for [(label, value)]: names of domains, sections or authors read
    best on the left of their bar, however long they are."""
    values = [value or 0 for _, value in points]
    top = max(values, default=0) or 1
    plot = width - LABEL_WIDTH - VALUE_WIDTH
    rows = [
        {
            "label": str(label),
            "value": value,
            "y": index * ROW,
            "text_y": index * ROW + ROW * 0.7,
            "width": round((value or 0) / top * plot, 1),
            "value_x": round(LABEL_WIDTH + 6 + (value or 0) / top * plot, 1),
        }
        for index, (label, value) in enumerate(points)
    ]
    return {
        "horizontal": True,
        "width": width,
        "height": max(len(rows), 1) * ROW,
        "rows": rows,
        "label_x": LABEL_WIDTH - 8,
        "bar_x": LABEL_WIDTH,
        "bar_height": ROW - 6,
    }
