# expect: a builtin writing into a closed pipe dies of SIGPIPE in its pipeline stage; the pipeline status is the reader's
while :; do echo y; done | head -n 2
echo "status $?"
