# Uncaught TypeError from raising something that is not an exception.
print('raising a string')
raise 'not an exception'
