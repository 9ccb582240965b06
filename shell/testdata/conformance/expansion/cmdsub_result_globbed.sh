touch q1 q2
echo $(echo 'q*')
