echo start > f
exec 5>> f
echo appended >&5
exec 5>&-
cat f
