# raise SystemExit(3): exit status 3, no traceback, finally blocks still run.
print('before exit')
try:
    raise SystemExit(3)
finally:
    print('finally runs on SystemExit')
print('never printed')
