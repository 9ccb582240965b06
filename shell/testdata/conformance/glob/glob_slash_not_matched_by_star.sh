mkdir d
touch d/f
echo *f
echo d*f
