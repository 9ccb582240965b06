mkdir d
touch d/.hidden d/shown
echo d/*
echo d/.*
