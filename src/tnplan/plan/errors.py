"""The one error type a user can fix (a module of its own: the command line's quickest paths
import it without the rest of :mod:`tnplan.plan.problems`)."""


class TnplanError(Exception):
    """An error the user can fix; the CLI prints it as one line and exits with ``exit_code``.

    ``exit_code`` follows the documented scheme: 1 problems found, 2 usage error,
    3 could not run (missing file, unreadable file, template error, unwritable output).
    """

    def __init__(self, message: str, *, hint: str = "", exit_code: int = 3) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.exit_code = exit_code
