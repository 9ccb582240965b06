unset u
echo ${u:-$((2*21))}
