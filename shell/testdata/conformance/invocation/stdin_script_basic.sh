# mode: stdin
echo "from a stdin script"
echo "args $#"
