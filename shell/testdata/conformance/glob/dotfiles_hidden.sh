touch .hidden visible
echo *
echo .*
echo .h*
