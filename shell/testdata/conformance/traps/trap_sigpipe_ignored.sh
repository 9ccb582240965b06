trap '' PIPE
trap
