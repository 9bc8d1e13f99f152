#!/usr/bin/env bash
# Makes the demonstration recordings of the default stories in public/media/stories/: a computer
# voice (espeak-ng) reads each story, a still picture (ImageMagick) becomes the video (ffmpeg), and
# the captions' times come from the length of each spoken line. They show that the video and audio
# paths work; a service replaces them with its own people's recordings (see "Stories" in the README).
# Needs: apt-get install -y ffmpeg espeak-ng imagemagick
set -euo pipefail
cd "$(dirname "$0")/.."
out=public/media/stories
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# make_story NAME SPEAKER KIND "line 1" "line 2" ...  (the first line is the demonstration notice)
make_story() {
  local name=$1 speaker=$2 kind=$3
  shift 3
  local vtt="$out/$name.vtt" t=0.3 i=0 parts=()
  printf 'WEBVTT\n\nNOTE\nA demonstration: a computer voice (espeak-ng) reads a story written for Waymark.\nMade by cli/make-sample-media.sh.\n' >"$vtt"
  ffmpeg -v error -f lavfi -i anullsrc=r=22050:cl=mono -t 0.3 "$work/gap.wav" -y
  for line in "$@"; do
    i=$((i + 1))
    espeak-ng -v en-gb -s 145 -w "$work/$i.wav" "$line"
    ffmpeg -v error -i "$work/$i.wav" -ar 22050 -ac 1 "$work/$i-r.wav" -y
    local d end voice=""
    d=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$work/$i-r.wav")
    end=$(echo "$t + $d" | bc -l)
    [ "$i" -gt 1 ] && voice="<v $speaker>"
    printf '\n%s\n%s --> %s\n%s%s\n' "$i" "$(stamp "$t")" "$(stamp "$end")" "$voice" "$line" >>"$vtt"
    parts+=("$work/$i-r.wav" "$work/gap.wav")
    t=$(echo "$end + 0.3" | bc -l)
  done
  : >"$work/list.txt"
  printf "file '%s'\n" "$work/gap.wav" "${parts[@]}" >"$work/list.txt"
  ffmpeg -v error -f concat -safe 0 -i "$work/list.txt" -c copy "$work/$name.wav" -y
  if [ "$kind" = video ]; then
    ffmpeg -v error -loop 1 -framerate 2 -i "$out/$name.jpg" -i "$work/$name.wav" \
      -c:v libx264 -profile:v baseline -tune stillimage -crf 36 -pix_fmt yuv420p -r 2 \
      -c:a aac -b:a 40k -ac 1 -shortest -movflags +faststart "$out/$name.mp4" -y
  else
    ffmpeg -v error -i "$work/$name.wav" -c:a libmp3lame -b:a 32k -ac 1 "$out/$name.mp3" -y
  fi
  echo "$name: $(printf '%.0f' "$t") s"
}

stamp() { # seconds -> mm:ss.ttt
  local ms
  ms=$(printf '%.0f' "$(echo "$1 * 1000" | bc -l)")
  printf '%02d:%02d.%03d' $((ms / 60000)) $((ms / 1000 % 60)) $((ms % 1000))
}

poster() { # NAME "title"
  convert -size 320x180 gradient:'#dfeee8-#b9d3dc' \
    -font DejaVu-Sans-Bold -pointsize 17 -fill '#12343f' -gravity north -annotate +0+28 "$2" \
    -font DejaVu-Sans -pointsize 13 -annotate +0+70 'Format demonstration:' \
    -annotate +0+90 'a computer voice reads' -annotate +0+110 'a story written for Waymark.' \
    -strip -quality 70 "$out/$1.jpg"
}

poster going-back-to-the-allotment 'Going back to the allotment'
make_story going-back-to-the-allotment Rosa video \
  "This is a computer voice, reading a story written for Waymark. It shows how a video story works." \
  "After my stay in hospital, I didn't go to my allotment for a whole summer." \
  "The weeds grew taller than me. It felt like they had won." \
  "Then my neighbour on the next plot left a bag of runner beans by my gate. No note. Just beans." \
  "The next week I went back for one hour. I pulled up one row of weeds, and then I sat down." \
  "Some weeks I still don't go, and that's all right." \
  "But there are beans growing again. I planted those."

make_story the-first-visit Dev audio \
  "This is a computer voice, reading a story written for Waymark. It shows how an audio story works." \
  "The first time my worker came round, I didn't want to talk." \
  "I made tea, so I had something to do with my hands." \
  "She didn't rush me. She asked what a good day looked like for me." \
  "I said I didn't know. She said that was a fine answer." \
  "It took a few visits before I said much. Now I write the list of what we talk about." \
  "Some weeks the list is short. Some weeks I cancel. She still comes back."
