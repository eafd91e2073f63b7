"""Write README.md from nbs/index.ipynb without Quarto (nbdev_readme needs the Quarto binary).

Hidden cells are dropped and `#|` directives stripped, as on the site; code cells keep their outputs.
Usage: python tools/readme.py [--check]   (--check: exit 1 if README.md is out of date)
"""
import re, sys, json, copy
from pathlib import Path
from nbconvert import MarkdownExporter
import nbformat

ROOT = Path(__file__).resolve().parents[1]

def render(nb_path=ROOT / 'nbs' / 'index.ipynb') -> str:
    nb = nbformat.read(nb_path, as_version=4)
    cells = []
    for cell in nb.cells:
        lines = cell.source.splitlines()
        directives = [l for l in lines if l.startswith('#|')]
        if any(d.replace(' ', '') in ('#|hide', '#|export', '#|exporti') or d.replace(' ', '').startswith('#|default_exp') for d in directives):
            continue
        cell = copy.deepcopy(cell)
        # directives and test markers (nbval's '# NBVAL_...') are for the tools, not the reader
        cell.source = '\n'.join(l for l in lines if not l.startswith(('#|', '# NBVAL_'))).strip('\n')
        cells.append(cell)
    nb.cells = cells
    nb.metadata['language_info'] = {'name': 'python'}   # fenced code blocks tagged python
    body, _ = MarkdownExporter(exclude_input_prompt=True, exclude_output_prompt=True).from_notebook_node(nb)
    # the notebook lives in nbs/, the README at the root: figure paths lose their '../'
    body = re.sub(r'\]\((\w+\.ipynb)\)', r'](nbs/\1)', body)   # chapter links point into nbs/
    return body.replace('](../figures/', '](figures/').strip() + '\n'

if __name__ == '__main__':
    text, out = render(), ROOT / 'README.md'
    if '--check' in sys.argv:
        if not out.exists() or out.read_text() != text:
            sys.exit("README.md is out of date with nbs/index.ipynb: run `python tools/readme.py`")
    else: out.write_text(text)
