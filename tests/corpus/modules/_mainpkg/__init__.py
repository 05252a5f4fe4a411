# Helper package for run_m_package.py: __init__ runs before __main__.
print("package init", __name__)
shared = "from __init__"
