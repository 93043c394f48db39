"""PDF output through weasyprint, an optional extra imported only when a PDF is asked for."""

from __future__ import annotations

from ..errors import ConfigError

INSTALL = "pip install 'conflictwatch[pdf]'"


def render_pdf(html: str) -> bytes:
    """Self-contained HTML as PDF bytes; a missing weasyprint is a ConfigError."""
    try:
        from weasyprint import HTML
    except ImportError as exc:  # the package is missing
        raise ConfigError(
            f"Writing a PDF needs weasyprint, which is not installed ({exc}). Install it with "
            f"{INSTALL}, or write .html and print it from a browser."
        ) from exc
    except OSError as exc:  # the package is there but its system libraries (Pango) are not
        raise ConfigError(
            f"weasyprint is installed but cannot load its system libraries ({exc}). Install "
            f"Pango (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0), or run {INSTALL} "
            "on a machine that has them; `make` installs them."
        ) from exc
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
