"""Moving content through parent review in tests, the way the task's buttons do."""


def submit(obj, user):
    obj.save_revision(user=user)
    return obj.get_workflow().start(obj, user)


def act(obj, user, action, comment=""):
    state = obj.current_workflow_task_state
    state.task.specific.on_action(state, user, action, comment=comment)
    obj.refresh_from_db()


def story_in_review(home, author):
    """A live story whose change (to what parents said) its author has sent to parent review."""
    from stories.factories import StoryIndexPageFactory, StoryPageFactory

    story = StoryPageFactory(parent=StoryIndexPageFactory(parent=home), title="Letters home")
    story.save_revision().publish()
    story.said_summary = "Letters about meetings went to one parent only."
    submit(story, author)
    return story
