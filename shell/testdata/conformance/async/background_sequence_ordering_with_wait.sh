(sleep 0.2; echo first > f1) &
wait
(echo second > f2) &
wait
cat f1 f2
