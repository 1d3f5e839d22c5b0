import pytest

from chalicelib.privacy import mask_phone


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("+8613812341234", "138****1234"),
        ("13812341234", "138****1234"),
        ("138-1234-1234", "138****1234"),
        ("12345", "*****"),
    ],
)
def test_staff_see_only_prefix_and_last_four(phone, masked):
    assert mask_phone(phone) == masked
