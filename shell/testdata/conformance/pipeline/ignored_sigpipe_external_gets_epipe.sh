# expect: with SIGPIPE ignored (inherited), GNU yes gets EPIPE, reports it and exits 1
trap '' PIPE
/usr/bin/yes | head -n 1
echo "status $?"
