"""Who may do what to a page, beyond Wagtail's own rules."""

from wagtail.models import PagePermissionTester


class HubPagePermissionTester(PagePermissionTester):
    """Wagtail's page permissions with one rule more: only people who may publish may delete
    or move a page. Wagtail lets anyone who may edit delete or move drafts, other people's
    included; on the hub comms staff write and submit, and administrators do the rest."""

    def can_delete(self, ignore_bulk=False):
        if not (self.user.is_superuser or "publish" in getattr(self, "permissions", ())):
            return False
        return super().can_delete(ignore_bulk=ignore_bulk)
