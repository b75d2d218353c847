"""The client report (PDF), drawn with ReportLab from the model and the shared layout.

No Qt here (a test checks it), and nothing imports ReportLab at package import: the
CLI loads ``cxdesigner.export.report`` only when it exports.

    from cxdesigner.export.report import build_report
    build_report(journey, "report.pdf", paper="a4", sections=None, persona=None,
                 branding=Branding(logo="logo.png", consultant="Dana Amir"))

See docs/report.md for what the report holds.
"""

from .options import SECTIONS, Branding, ReportError

__all__ = ["SECTIONS", "Branding", "ReportError"]
