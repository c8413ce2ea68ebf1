"""The people tests act as: members of the hub's real groups."""

# Every test user's password.
PASSWORD = "a-long-pass-phrase"


def pass_second_factor(client, user):
    """Marks the client's session as past the second factor, as typing a code would (tests'
    force_login does this for every test not marked `unverified`)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    device, _ = StaticDevice.objects.get_or_create(user=user, name="recovery codes")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def totp_code(user):
    """The code a person's authenticator app shows now (their confirmed app, made if need be)."""
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
