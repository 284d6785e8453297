"""python3 -m threadline COMMAND [flags]: the `threadline` command, run by
the same C++ code through the extension."""

import sys

from . import _threadline

USAGE = """\
threadline: one thread per customer inquiry across every channel.

Usage: python3 -m threadline COMMAND [flags]

Commands:
  link       read Interaction JSON Lines, write one linkage per line
             (customer, case, reason) and a journey summary
  simulate   write realistic simulated customer journeys as JSON Lines
  score      compare a linkage with ground truth (precision, recall, F1)
  sentiment  score the sentiment of one text per line (English, Spanish)
  guard      check an agent's reply before it goes out on a channel

Run 'python3 -m threadline COMMAND --help' for the flags of a command.
"""

COMMANDS = ("link", "simulate", "score", "sentiment", "guard")


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if not args:
        sys.stderr.write(USAGE)
        return 2
    command, rest = args[0], args[1:]
    if command in ("--help", "-h", "help"):
        sys.stdout.write(USAGE)
        return 0
    if command not in COMMANDS:
        sys.stderr.write(f'threadline: unknown command "{command}"\n\n{USAGE}')
        return 2
    sys.stdout.flush()
    sys.stderr.flush()
    return _threadline.run_command(command, rest)


if __name__ == "__main__":
    sys.exit(main())
