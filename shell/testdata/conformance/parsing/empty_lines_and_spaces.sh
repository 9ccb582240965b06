


echo only
