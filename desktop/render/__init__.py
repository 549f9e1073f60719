"""Printouts: Jinja2 templates -> HTML (Qt-free, :mod:`desktop.render.html`), and HTML ->
PDF or printer through Qt (:mod:`desktop.render.pdf`, the only module here that imports Qt).

Import the module you need (``desktop.render.html`` or ``desktop.render.pdf``): this
package file imports nothing, so the CLI can declare ``passage checklist`` without
loading Jinja2 or Qt, and the GUI's first paint does not wait for printout code.
"""
