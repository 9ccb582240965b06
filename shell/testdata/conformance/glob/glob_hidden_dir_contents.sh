mkdir .d
touch .d/x
echo .d/*
echo */x
