# A source file containing an invalid UTF-8 byte in a comment: Ã(
print('never runs')
