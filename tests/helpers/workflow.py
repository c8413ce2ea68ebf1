"""Moving content through parent review in tests, the way the task's buttons do."""


def submit(obj, user):
    obj.save_revision(user=user)
    return obj.get_workflow().start(obj, user)


def act(obj, user, action, comment=""):
    state = obj.current_workflow_task_state
    state.task.specific.on_action(state, user, action, comment=comment)
    obj.refresh_from_db()
