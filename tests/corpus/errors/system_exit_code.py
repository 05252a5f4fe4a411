# raise SystemExit(3): exit status 3, no traceback, finally blocks still run.
try:
    raise SystemExit(7)
except SystemExit as e:
    print('caught SystemExit', e.code)
print('before exit')
try:
    raise SystemExit(3)
finally:
    print('finally runs on SystemExit')
print('never printed')
