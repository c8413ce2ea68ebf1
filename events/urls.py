"""Calendar files: the upcoming-events feed and one file per event."""

from django.urls import path

from events import views

app_name = "events"
urlpatterns = [
    path("upcoming.ics", views.upcoming_ics, name="upcoming_ics"),
    path("event-<int:page_id>.ics", views.event_ics, name="event_ics"),
]
