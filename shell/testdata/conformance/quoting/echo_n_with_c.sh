echo -n 'abc\cdef'
echo '|'
