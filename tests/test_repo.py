"""Repository checks: the README is generated from nbs/index.ipynb, and the public contract imports."""
import subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_is_generated_from_index():
    r = subprocess.run([sys.executable, str(ROOT / 'tools' / 'readme.py'), '--check'], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_public_names():
    from sami_nb.loss import sami_loss
    from sami_nb.guidance import guidance_score, log_likelihood, guided_eps
    from sami_nb.diffusion import make_schedule
    from sami_nb.train import load_checkpoint, get_config, train, TrainConfig, export_checkpoint, SAMIModel, get_scale
    from sami_nb.config import get_config as config_get_config
    from sami_nb.checkpoint import load_checkpoint as checkpoint_load_checkpoint
    from sami_nb.sample import make_eps_fn, decode
    from sami_nb.models import MODEL_KINDS, build_models
    from sami_nb.data import DATASETS, load_splits
    assert get_config is config_get_config and load_checkpoint is checkpoint_load_checkpoint   # one object, two homes
    assert set(MODEL_KINDS) >= {'sami', 'betavae', 'diffae', 'ddpm'} and set(DATASETS) >= {'disks', 'multiscale'}
    from sami_nb.data import render_disks
    from sami_nb.protocol import disks_protocol, fidelity, bayes_floor, bank_guidance, consistent_scale, self_consistency
    from sami_nb.disks_guidance import fidelity as guidance_fidelity, evaluate_disks
    assert guidance_fidelity is fidelity   # the protocol has one home; the guidance chapter re-exports it
    s = make_schedule('cosine', 10)
    assert s.betas.shape == s.alphas_cumprod.shape == (10,)
