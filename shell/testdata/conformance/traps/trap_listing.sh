trap 'echo x' INT
trap 'echo "quoted arg"' TERM
trap '' HUP
trap
