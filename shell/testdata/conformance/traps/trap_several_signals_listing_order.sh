trap 'echo x' 0 1 2
trap
