mkdir d
touch d/f
echo d//*
