import pytest

from cdf_client import Checkpoint, CheckpointMismatchError, InvalidArgumentError, PartitionState
from cdf_client._checkpoint import Progress, check_matches, coerce


def _checkpoint():
    return Checkpoint("files.filter", "abc", (PartitionState("c1", 3), PartitionState(done=True)), 42)


def test_checkpoints_round_trip_through_dict_and_json():
    checkpoint = _checkpoint()
    assert Checkpoint.from_dict(checkpoint.to_dict()) == checkpoint
    assert Checkpoint.from_json(checkpoint.to_json()) == checkpoint
    assert coerce(checkpoint.to_json()) == checkpoint
    assert coerce(checkpoint.to_dict()) == checkpoint


@pytest.mark.parametrize("bad", ["{", "[]", '{"version": 1}', 5])
def test_garbage_is_not_a_checkpoint(bad):
    with pytest.raises(InvalidArgumentError, match="resume_from"):
        coerce(bad)


def test_a_checkpoint_of_another_query_is_refused():
    with pytest.raises(CheckpointMismatchError):
        check_matches(_checkpoint(), "files.list", "abc", 2)
    with pytest.raises(CheckpointMismatchError):
        check_matches(_checkpoint(), "files.filter", "other", 2)
    with pytest.raises(CheckpointMismatchError):
        check_matches(_checkpoint(), "files.filter", "abc", 3)
    check_matches(_checkpoint(), "files.filter", "abc", 2)


def test_progress_counts_only_items_handed_out():
    progress = Progress("op", "fp", (PartitionState(),), 0)
    iterator = progress.begin(0, None, "next", 0, [1, 2, 3])
    next(iterator)
    assert progress.checkpoint().partitions == (PartitionState(None, 1),)
    assert progress.checkpoint().yielded == 1
    list(iterator)
    assert progress.checkpoint().partitions == (PartitionState("next", 0),)
    iterator = progress.begin(0, "next", None, 0, [4])
    list(iterator)
    assert progress.checkpoint().done
    assert progress.checkpoint().yielded == 4
