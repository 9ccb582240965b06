echo after-bom
echo second-line
