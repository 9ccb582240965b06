echo $'tab\there'
