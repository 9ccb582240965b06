mkdir d
touch d/e
echo d?e
