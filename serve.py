"""Start the dashboard's server with the app's modules imported first, in this one thread, before any session.

`streamlit run dashboard.py` imports them in the first sessions' threads: when several browsers open a fresh
server at once, those threads import pandas, numpy and plotly at the same moment, and Python's import deadlock
avoidance can hand one of them a half-initialised module (an error on that user's page). Arguments after the
script's name go to Streamlit: `python serve.py --server.port 8600`.
"""

import sys

import ui  # noqa: F401  (pandas, numpy, plotly, pyarrow and the revolution package, imported here)

if __name__ == "__main__":
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", "dashboard.py", *sys.argv[1:]]
    sys.exit(cli.main())
