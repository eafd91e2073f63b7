"""Data-parallel training under torchrun on CPU (gloo): the failures a user would meet, and the GPU check's dry run.
The equality of 1- and 2-process training and resuming across process counts are checked in the training chapter."""
import os, subprocess, sys, time
from pathlib import Path

ENV = os.environ | {'OMP_NUM_THREADS': '1'}
TORCHRUN = [sys.executable, '-m', 'torch.distributed.run', '--standalone', '--nproc_per_node=2']
SAMI = str(Path(sys.executable).parent / 'sami-nb')
ROOT = Path(__file__).resolve().parents[1]

FAILING = '''
import os, torch
from torch import nn
from sami_nb.train import train, get_config
from sami_nb.models import build_models
from sami_nb.data import make_disks
cfg = get_config('disks', 'ci', bf16=False, steps=50)
class FailsOnRank1(nn.Module):   # the denoiser of rank 1 raises at its 3rd call; rank 0 is then waiting for gradients
    def __init__(self, net): super().__init__(); self.net, self.T, self.calls = net, net.T, 0
    def forward(self, *a, **k):
        self.calls += 1
        if os.environ['RANK'] == '1' and self.calls == 3: raise RuntimeError('rank 1 fails on purpose')
        return self.net(*a, **k)
torch.manual_seed(0)
train(cfg, make_disks(cfg.n_train, size=cfg.img_size)[0], denoiser=FailsOnRank1(build_models(cfg)[0]), progress=False)
'''


def test_a_failing_rank_stops_the_others(tmp_path):
    script = tmp_path / 'fails.py'; script.write_text(FAILING)
    t0 = time.perf_counter()
    r = subprocess.run(TORCHRUN + [str(script)], capture_output=True, text=True, timeout=300, env=ENV)
    assert r.returncode != 0
    assert 'rank 1 fails on purpose' in r.stdout + r.stderr
    assert time.perf_counter() - t0 < 120, "the other rank should be stopped, not left waiting"


def test_a_global_batch_that_does_not_divide_is_refused(tmp_path):
    r = subprocess.run(TORCHRUN + ['--no-python', SAMI, 'train', 'disks', '--scale', 'ci', '--out', str(tmp_path / 'run'),
                                   '--set', 'batch_size=15', '--no-figures', '--no-progress'], capture_output=True, text=True, timeout=300, env=ENV)
    assert r.returncode != 0 and 'batch_size=15 (the global batch) must divide among 2 processes' in r.stderr


def test_gpu_check_dry_run(tmp_path):
    r = subprocess.run([sys.executable, str(ROOT / 'tools' / 'gpu_check.py'), '--scale', 'ci', '--steps', '4', '--device', 'cpu',
                        '--guides', '8', '--out', str(tmp_path / 'gc')], capture_output=True, text=True, timeout=600, env=ENV)
    assert r.returncode == 0, r.stderr
    table = r.stdout.strip().splitlines()
    assert table[0].startswith('precision | device | steps | train img/s | sample img/s')
    assert [l.split(' | ')[0] for l in table[2:4]] == ['bf16', 'fp32']


EVERY_KIND = '''
import os, torch
from sami_nb.train import train, get_config
from sami_nb.data import make_disks
for kind, extra in (('sami', {}), ('betavae', {}), ('diffae', {}), ('ddpm', {}), ('sami', dict(freeze_denoiser=True))):
    cfg = get_config('disks', 'ci', model=kind, bf16=False, steps=3, **extra)
    m = train(cfg, make_disks(cfg.n_train, size=cfg.img_size)[0], progress=False)
    assert m.step == 3 and all(v == v for v in m.history[-1].values()), (kind, extra)
    if os.environ['RANK'] == '0': print('trained', kind, extra, flush=True)
'''


def test_every_kind_trains_under_two_processes(tmp_path):
    script = tmp_path / 'kinds.py'; script.write_text(EVERY_KIND)
    r = subprocess.run(TORCHRUN + [str(script)], capture_output=True, text=True, timeout=600, env=ENV)
    assert r.returncode == 0, r.stderr[-3000:]
    assert r.stdout.count('trained') == 5
