echo ok
exit 1 2
