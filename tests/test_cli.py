"""The installed `sami-nb` entry point and `python -m sami_nb.bench`, run as a user would."""
import json, subprocess, sys
from pathlib import Path


def run(*args):
    return subprocess.run(args, capture_output=True, text=True, timeout=600)


def test_train_ci_writes_checkpoint_and_figures(tmp_path):
    out = tmp_path / 'run'
    r = run('sami-nb', 'train', 'disks', '--scale', 'ci', '--out', str(out), '--no-progress')
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout.strip().splitlines()[-1])
    assert summary['step'] == 12
    for name in ('last.pt', 'samples.png', 'history.png'):
        assert (out / name).stat().st_size > 0


def test_bad_resume_is_a_one_line_error(tmp_path):
    out = tmp_path / 'run'
    assert run('sami-nb', 'train', 'disks', '--scale', 'ci', '--out', str(out), '--no-progress').returncode == 0
    r = run('sami-nb', 'train', 'disks', '--scale', 'cpu', '--out', str(out), '--resume', '--no-progress')
    assert r.returncode == 2 and 'cannot resume' in r.stderr and 'Traceback' not in r.stderr


def test_bench_module_runs():
    r = run(sys.executable, '-m', 'sami_nb.bench', '--scale', 'ci', '--repeats', '1')
    assert r.returncode == 0, r.stderr
    assert 'SAMI / DDPM step' in r.stdout


def test_train_a_baseline(tmp_path):
    out = tmp_path / 'run'
    r = run('sami-nb', 'train', 'disks', '--scale', 'ci', '--model', 'betavae', '--out', str(out), '--no-progress')
    assert r.returncode == 0, r.stderr
    assert (out / 'samples.png').stat().st_size > 0
    r = run('sami-nb', 'train', 'disks', '--scale', 'ci', '--out', str(out), '--resume', '--no-progress')
    assert r.returncode == 2 and "model: checkpoint has 'betavae'" in r.stderr


def test_demo_as_the_readme_runs_it(tmp_path):
    """README command 1: the shipped model, found from the repository root; files written and numbers printed."""
    out = tmp_path / 'demo'
    r = run('sami-nb', 'demo', '--out', str(out), '--no-progress')
    assert r.returncode == 0, r.stderr
    summary = json.loads((out / 'summary.json').read_text())
    r2 = summary['r2']
    assert f"centre x {r2['cx']:.3f}   centre y {r2['cy']:.3f}   background {r2['bg']:.3f}" in r.stdout
    assert 'background error' in r.stdout and 'Look at:' in r.stdout
    for path in summary['figures'].values():
        assert Path(path).stat().st_size > 10_000 and path in r.stdout
    bad = run('sami-nb', 'demo', '--checkpoint', str(tmp_path / 'none.pt'))
    assert bad.returncode == 2 and 'checkpoint: no file at' in bad.stderr and 'Traceback' not in bad.stderr
