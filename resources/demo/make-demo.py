#!/usr/bin/env python3
"""Generates Callscope's demo calls: observe request bodies (cekura transcript format)
plus short spoken recordings of the same lines.

Every spoken line is synthesised with espeak-ng (one voice for the Main Agent, another
for the Testing Agent / caller), and the turn times written into the JSON are measured
from the generated audio, so the transcript and the recording agree. Recordings are
16 kHz Ogg Vorbis at sox's lowest quality; most are mono, two are stereo with the
Main Agent on channel 0 (main_agent_channel_index 0).

The stereo calls also carry word timings (the Callscope "words" extension of a transcript
entry, which the player uses to highlight the word being heard): their turns are spoken
word by word (a little faster, so the turn lasts about as long as the whole sentence
would), each word's silence trimmed, joined with short pauses (longer after commas and
sentence ends), and each word's start and end measured from those pieces.

Usage: resources/demo/make-demo.py            (rewrites *.json and audio/ beside it)
       resources/demo/make-demo.py SLUG...    (rewrites only those calls' files)
sox's Ogg output differs from run to run even for the same lines, so name the calls you
changed to leave the other recordings byte-identical. Every call is still built in order,
because they share one seeded random sequence (pauses, tool call ids) and so stay the same.
Needs: python3, espeak-ng, sox (with Ogg Vorbis support).
"""

import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
AUDIO = HERE / "audio"
RATE = 16000
AGENT_VOICE = ["-v", "en-us+f3", "-s", "168", "-p", "55"]
CALLER_VOICE = ["-v", "en-gb+m3", "-s", "158", "-p", "40"]

# Turn shorthand: ("A", text) Main Agent, ("C", text) Testing Agent (the caller),
# ("F", name, arguments, result) a tool call and its result, ("P", seconds) a pause
# with nobody speaking (silence timeouts).
CALLS = [
    dict(
        slug="dental-reschedule", agent=12, status="success",
        timestamp="2026-11-09T09:14:03Z", ended="customer-ended-call",
        customer="+14155550142", metadata={"clinic": "Pine Street Dental", "channel": "inbound", "language": "en-US"},
        turns=[
            ("A", "Pine Street Dental, this is Ava. How can I help you today?"),
            ("C", "Hi, I have a cleaning on Thursday and I need to move it."),
            ("A", "Of course. Can I have your name and date of birth?"),
            ("C", "Maria Lopez, March third, nineteen eighty eight."),
            ("F", "find_patient", {"name": "Maria Lopez", "dob": "1988-03-03"}, {"patient_id": "P-20931", "next_visit": "2026-11-12T10:00"}),
            ("A", "Thanks Maria. I see your cleaning on Thursday at ten. What day works better?"),
            ("C", "Is Friday morning possible?"),
            ("F", "find_slots", {"day": "2026-11-13", "provider": "hygiene"}, {"slots": ["09:00", "11:30"]}),
            ("A", "Friday I have nine o'clock or eleven thirty."),
            ("C", "Nine is perfect."),
            ("F", "reschedule", {"patient_id": "P-20931", "slot": "2026-11-13T09:00"}, "ok"),
            ("A", "Done. You're booked for Friday at nine. You'll get a text confirmation shortly."),
            ("C", "Great, thank you so much."),
            ("A", "You're welcome. Have a lovely day."),
        ]),
    dict(
        slug="dental-new-patient", agent=12, status="reviewed_success",
        timestamp="2026-11-10T15:42:51Z", ended="assistant-ended-call",
        customer="+14155550178", feedback="Good intake. Agent confirmed insurance before booking, as the script asks.",
        metadata={"clinic": "Pine Street Dental", "channel": "inbound"},
        turns=[
            ("A", "Pine Street Dental, this is Ava. How can I help you today?"),
            ("C", "Hello, I'm new in town and looking for a dentist. Are you taking new patients?"),
            ("A", "We are. Do you have dental insurance?"),
            ("C", "Yes, Delta Dental through my employer."),
            ("F", "check_insurance", {"carrier": "Delta Dental"}, {"in_network": True}),
            ("A", "Good news, we're in network with Delta Dental. The first visit is an exam and cleaning, about an hour."),
            ("C", "Okay. Anything next week?"),
            ("F", "find_slots", {"week": "2026-11-16", "type": "new_patient"}, {"slots": ["2026-11-17T14:00", "2026-11-19T08:30"]}),
            ("A", "Tuesday at two, or Thursday at eight thirty."),
            ("C", "Tuesday at two, please."),
            ("F", "book", {"slot": "2026-11-17T14:00", "type": "new_patient", "name": "Tom Becker"}, "confirmed"),
            ("A", "You're all set for Tuesday at two. Please arrive ten minutes early for paperwork. Goodbye!"),
        ]),
    dict(
        slug="airline-rebooking", agent=17, status="success",
        timestamp="2026-11-11T06:05:27Z", ended="customer-ended-call",
        customer="+442079460311", metadata={"airline": "SkyBridge", "pnr": "K7QX2M", "disruption": "weather"},
        stereo=True, timed_words=True,
        turns=[
            ("A", "SkyBridge Airlines. I can help with bookings and changes. What can I do for you?"),
            ("C", "My flight to Denver was cancelled. I need to get there today."),
            ("A", "I'm sorry about that. What's your booking reference?"),
            ("C", "K seven Q X two M."),
            ("F", "get_booking", {"pnr": "K7QX2M"}, {"flight": "SB412", "status": "cancelled", "passengers": 1}),
            ("A", "I see flight four twelve was cancelled because of the storm. Let me look for alternatives."),
            ("F", "search_flights", {"from": "ORD", "to": "DEN", "date": "2026-11-11"}, {"options": [{"flight": "SB418", "dep": "13:05"}, {"flight": "SB422", "dep": "18:40"}]}),
            ("A", "There's a seat on the one oh five flight this afternoon, or the six forty this evening."),
            ("C", "The afternoon one, please. Aisle if you have it."),
            ("F", "rebook", {"pnr": "K7QX2M", "flight": "SB418", "seat_pref": "aisle"}, {"seat": "22C", "fare_difference": 0}),
            ("A", "Done. You're on flight four eighteen at one oh five, seat twenty two C, at no extra cost."),
            ("C", "Thank you, that's a relief."),
        ]),
    dict(
        slug="airline-baggage", agent=17, status="failure",
        timestamp="2026-11-12T19:21:40Z", ended="customer-ended-call",
        customer="+13125550187", metadata={"airline": "SkyBridge", "topic": "baggage"},
        turns=[
            ("A", "SkyBridge Airlines. I can help with bookings and changes. What can I do for you?"),
            ("C", "My suitcase didn't arrive in Boston."),
            ("A", "I can help you change your booking. What's your reference?"),
            ("C", "No, I don't want to change anything. My bag is missing."),
            ("A", "I understand. For changes, I'll need your booking reference."),
            ("C", "Forget it. I'll go to the baggage desk."),
        ]),
    dict(
        slug="utility-outage", agent=23, status="success",
        timestamp="2026-11-14T22:47:09Z", ended="assistant-ended-call",
        customer="+16175550123", metadata={"utility": "Northgrid", "region": "Somerville", "storm_mode": True},
        turns=[
            ("A", "Northgrid outage line. Are you calling about a power outage?"),
            ("C", "Yes, the power's been out on my street for an hour."),
            ("A", "I'm sorry. What's the address or your account number?"),
            ("C", "Forty two Elm Street, Somerville."),
            ("F", "lookup_outage", {"address": "42 Elm St, Somerville, MA"}, {"outage_id": "OUT-88213", "customers_affected": 312, "eta": "01:30"}),
            ("A", "There's a known outage affecting about three hundred homes. Crews are on site, and we expect power back by one thirty."),
            ("C", "Can you text me when it's back?"),
            ("F", "subscribe_updates", {"outage_id": "OUT-88213", "phone": "+16175550123"}, "subscribed"),
            ("A", "Done. You'll get a text when power is restored. Stay safe tonight."),
        ]),
    dict(
        slug="utility-downed-line", agent=23, status="reviewed_failure",
        timestamp="2026-11-15T07:12:33Z", ended="assistant-ended-call",
        customer="+16175550166", feedback="Safety issue: a downed line must be transferred to the emergency desk at once. The agent kept asking for an account number.",
        metadata={"utility": "Northgrid", "region": "Medford"},
        turns=[
            ("A", "Northgrid outage line. Are you calling about a power outage?"),
            ("C", "There's a power line down across the road and it's sparking."),
            ("A", "I can check outages for you. What's your account number?"),
            ("C", "I don't have it. The line is on fire, near the school."),
            ("A", "Without an account number, I can look up your address instead."),
            ("C", "It's Main Street and Pleasant. Please send someone."),
            ("F", "report_hazard", {"location": "Main St & Pleasant St, Medford", "type": "downed_line"}, {"ticket": "HZ-1192"}),
            ("A", "I've reported it. Please keep away from the line and call nine one one if anyone is in danger."),
        ]),
    dict(
        slug="pizza-order", assistant_id="asst_pizza_4f2a", status="success",
        timestamp="2026-11-13T18:33:12Z", ended="customer-ended-call",
        customer="+13035550119", metadata={"store": "Tony's Pizza, Pearl St", "order_type": "delivery"},
        turns=[
            ("A", "Thanks for calling Tony's Pizza. Pickup or delivery?"),
            ("C", "Delivery please. A large pepperoni and a garlic bread."),
            ("A", "Large pepperoni and garlic bread. Anything to drink?"),
            ("C", "Two cokes."),
            ("A", "What's the delivery address?"),
            ("C", "Eighteen fifty Pearl Street, apartment four B."),
            ("F", "create_order", {"items": [{"sku": "PZ-L-PEP", "qty": 1}, {"sku": "GB", "qty": 1}, {"sku": "COKE", "qty": 2}], "address": "1850 Pearl St Apt 4B"}, {"order_id": "T-5531", "total": 31.5, "eta_min": 35}),
            ("A", "Your total is thirty one fifty, and it'll be there in about thirty five minutes."),
            ("C", "Perfect, thanks."),
        ]),
    dict(
        slug="pizza-allergy", assistant_id="asst_pizza_4f2a", status="reviewed_success",
        timestamp="2026-11-20T12:08:45Z", ended="customer-ended-call",
        customer="+13035550150", feedback="Handled the nut allergy question correctly and did not guess.",
        metadata={"store": "Tony's Pizza, Pearl St", "order_type": "pickup"},
        turns=[
            ("A", "Thanks for calling Tony's Pizza. Pickup or delivery?"),
            ("C", "Pickup. But first, is your pesto made with pine nuts? My son is allergic."),
            ("F", "get_allergens", {"item": "pesto"}, {"contains": ["pine nuts", "milk"]}),
            ("A", "Yes, our pesto contains pine nuts, so I'd avoid it. The margherita has no nuts."),
            ("C", "Then one medium margherita, please."),
            ("A", "One medium margherita for pickup in twenty minutes. Name for the order?"),
            ("C", "Nguyen."),
            ("A", "Thanks, see you soon."),
        ]),
    dict(
        slug="bank-card-block", assistant_id="asst_bankcard_91c0", status="success",
        timestamp="2026-11-16T23:58:02Z", ended="assistant-ended-call",
        customer="+447700900461", metadata={"bank": "Harbor Bank", "flow": "lost_card", "auth_level": "kba"},
        stereo=True, timed_words=True,
        turns=[
            ("A", "Harbor Bank card services. Is your card lost or stolen?"),
            ("C", "Stolen. My wallet was taken on the train."),
            ("A", "I'm sorry. I'll block it right away. Please confirm the last four digits of the card."),
            ("C", "Four four one nine."),
            ("A", "And your postcode?"),
            ("C", "E C one A, four J Q."),
            ("F", "verify_customer", {"card_last4": "4419", "postcode": "EC1A 4JQ"}, {"verified": True, "customer_id": "C-77120"}),
            ("F", "block_card", {"customer_id": "C-77120", "card_last4": "4419", "reason": "stolen"}, {"blocked": True}),
            ("A", "Your card is blocked. I don't see any transactions since ten p.m. A new card will arrive in three to five days."),
            ("C", "Okay, thank you."),
        ]),
    dict(
        slug="bank-dispute", assistant_id="asst_bankcard_91c0", status="failure",
        timestamp="2026-11-18T10:26:19Z", ended="pipeline-error",
        customer="+447700900512", metadata={"bank": "Harbor Bank", "flow": "dispute"},
        turns=[
            ("A", "Harbor Bank card services. Is your card lost or stolen?"),
            ("C", "Neither. There's a charge I don't recognise, forty nine ninety nine."),
            ("A", "Let me look at your recent transactions."),
            ("F", "list_transactions", {"customer_id": "C-80211", "days": 30}, {"error": "upstream timeout"}),
            ("A", "I'm sorry, I'm having trouble"),
        ]),
    dict(
        slug="pharmacy-refill", assistant_id="agent_pharm_77", status="success",
        timestamp="2026-11-17T14:02:58Z", ended="customer-ended-call",
        customer="+12065550190", metadata={"pharmacy": "Cedar Pharmacy", "store_id": 7},
        turns=[
            ("A", "Cedar Pharmacy refill line. What's the prescription number?"),
            ("C", "It's six one two, four four eight."),
            ("F", "get_prescription", {"rx": "612448"}, {"drug": "lisinopril 10 mg", "refills_left": 2}),
            ("A", "That's lisinopril ten milligrams, with two refills left. Would you like to refill it now?"),
            ("C", "Yes please. When can I pick it up?"),
            ("F", "queue_refill", {"rx": "612448"}, {"ready_at": "2026-11-17T17:00"}),
            ("A", "It'll be ready after five o'clock today."),
            ("C", "Thanks."),
        ]),
    dict(
        slug="pharmacy-voicemail", assistant_id="agent_pharm_77",
        timestamp="2026-11-19T11:45:00Z", ended="voicemail",
        customer="+12065550133", metadata={"pharmacy": "Cedar Pharmacy", "direction": "outbound", "campaign": "ready_for_pickup"},
        turns=[
            ("C", "Hi, you've reached Sam. Leave a message after the tone."),
            ("P", 1.2),
            ("A", "Hello, this is Cedar Pharmacy. Your prescription is ready for pickup. Have a nice day."),
        ]),
    dict(
        slug="hotel-booking", agent=31, status="success",
        timestamp="2026-11-21T16:18:37Z", ended="customer-ended-call",
        customer="+33142685300", metadata={"hotel": "Maison Lumière", "language": "en-US", "rate_plan": "flex"},
        turns=[
            ("A", "Maison Lumière reservations, good afternoon."),
            ("C", "Hi, do you have a double room for the twelfth to the fifteenth of December?"),
            ("F", "check_availability", {"arrive": "2026-12-12", "depart": "2026-12-15", "room": "double"}, {"available": True, "rate_eur": 189}),
            ("A", "Yes, a double room is available at one hundred eighty nine euros a night, breakfast included."),
            ("C", "Can I cancel if my plans change?"),
            ("A", "With the flexible rate, you can cancel free of charge until two days before arrival."),
            ("C", "Great, please book it under Hannah Weiss."),
            ("F", "create_reservation", {"guest": "Hannah Weiss", "arrive": "2026-12-12", "nights": 3, "rate": "flex"}, {"confirmation": "ML-40417"}),
            ("A", "Booked. Your confirmation number is M L four oh four one seven."),
        ]),
    dict(
        slug="internet-router", agent=44, status="reviewed_success",
        timestamp="2026-11-22T20:51:14Z", ended="customer-ended-call",
        customer="+15125550172", feedback="Clear steps; line test before the reboot was the right order.",
        metadata={"isp": "Bluewave Fiber", "plan": "500 Mbps"},
        turns=[
            ("A", "Bluewave support. What seems to be the problem?"),
            ("C", "My internet keeps dropping every few minutes."),
            ("F", "line_test", {"account": "BW-330912"}, {"line": "ok", "router_uptime_min": 3, "reboots_24h": 41}),
            ("A", "Your line looks fine, but the router has restarted forty one times today. Is it somewhere warm or enclosed?"),
            ("C", "It's in a cabinet under the TV."),
            ("A", "Please move it into the open and restart it. If it keeps dropping, we'll send a new one."),
            ("C", "Okay, I'll try that now."),
        ]),
    dict(
        slug="car-service", agent=44, status="success",
        timestamp="2026-11-23T08:37:22Z", ended="assistant-ended-call",
        customer="+15125550104", metadata={"dealer": "Lakeside Motors", "department": "service"},
        turns=[
            ("A", "Lakeside Motors service desk. How can I help?"),
            ("C", "I need an oil change and the brakes are squeaking."),
            ("A", "I can book both. What's the car?"),
            ("C", "A twenty nineteen Honda Civic."),
            ("F", "find_slots", {"service": ["oil_change", "brake_inspection"], "vehicle": "2019 Honda Civic"}, {"slots": ["2026-11-24T08:00", "2026-11-25T13:00"]}),
            ("A", "Tomorrow at eight, or Wednesday at one."),
            ("C", "Tomorrow at eight."),
            ("F", "book", {"slot": "2026-11-24T08:00"}, "confirmed"),
            ("A", "See you tomorrow at eight. It takes about ninety minutes."),
        ]),
    dict(
        slug="parcel-where", assistant_id="asst_parcel_2b7e", status="failure",
        timestamp="2026-11-24T13:04:51Z", ended="silence-timed-out",
        customer="+4915205550148", metadata={"carrier": "Swift Parcel", "language": "en-US"},
        turns=[
            ("A", "Swift Parcel. Please say or enter your tracking number."),
            ("C", "It's S P nine nine two, zero one eight four."),
            ("F", "track", {"tracking": "SP9920184"}, {"status": "out_for_delivery", "window": "14:00-18:00"}),
            ("A", "Your parcel is out for delivery today between two and six. Is there anything else?"),
            ("P", 9.0),
            ("A", "Are you still there?"),
            ("P", 6.0),
        ]),
    dict(
        slug="gym-cancel", assistant_id="asst_parcel_2b7e",
        timestamp="2026-11-24T17:49:05Z", ended="customer-ended-call",
        customer="+4915205550177", metadata={"note": "misrouted call: gym number dialled to the parcel line"},
        turns=[
            ("A", "Swift Parcel. Please say or enter your tracking number."),
            ("C", "I want to cancel my gym membership."),
            ("A", "I'm sorry, this is Swift Parcel. I can only help with deliveries."),
            ("C", "Oh. Wrong number, sorry."),
        ]),
    dict(
        slug="vet-appointment", agent=12, status="reviewed_failure",
        timestamp="2026-11-25T09:02:44Z", ended="customer-ended-call",
        customer="+14155550199", feedback="Out of scope: the clinic is a dental practice; the agent should have said so at once instead of booking.",
        metadata={"clinic": "Pine Street Dental", "channel": "inbound"},
        turns=[
            ("A", "Pine Street Dental, this is Ava. How can I help you today?"),
            ("C", "My dog needs his teeth cleaned. Do you do that?"),
            ("A", "I can book a cleaning. What's the patient's name?"),
            ("C", "Biscuit. He's a beagle."),
            ("A", "Thanks. I have Friday at nine for Biscuit."),
            ("C", "Wait, are you a vet?"),
            ("A", "We're a dental clinic for people. I'm sorry for the confusion."),
        ]),
]

# One long call (60+ turns): an insurance claim walk-through.
LONG_CALL = dict(
    slug="insurance-claim-long", agent=52, status="success",
    timestamp="2026-11-18T15:30:00Z", ended="customer-ended-call",
    customer="+13105550111", metadata={"insurer": "Meridian Mutual", "line": "auto", "claim_type": "collision"},
    feedback="Long but complete first notice of loss.")


def long_call_turns():
    qa = [
        ("When did the accident happen?", "Yesterday, around five thirty in the evening."),
        ("Where did it happen?", "At the corner of Olive and Fourth, downtown."),
        ("Was anyone injured?", "No, thankfully nobody was hurt."),
        ("Was the other driver insured?", "Yes, they gave me their insurance card."),
        ("What's the other insurer?", "Coastline Auto."),
        ("Did the police come to the scene?", "Yes, an officer wrote a report."),
        ("Do you have the report number?", "It's L A P D two six one one, four four seven."),
        ("Which part of your car was damaged?", "The rear bumper and the trunk lid."),
        ("Can the car still be driven?", "Yes, but the trunk won't close."),
        ("Were there passengers in your car?", "My sister was in the front seat."),
        ("Did you take photos?", "Yes, about ten photos."),
        ("Were there any witnesses?", "A cyclist stopped and gave me her number."),
        ("What was the weather like?", "Dry and clear."),
        ("How fast were you going?", "I was stopped at the red light."),
        ("Did the other driver admit fault?", "He said he was looking at his phone."),
        ("Do you have a preferred repair shop?", "Westside Collision on Pico."),
        ("Do you need a rental car?", "Yes, I drive to work every day."),
        ("Is the address on the policy still current?", "Yes, same address."),
        ("Is this the best number to reach you?", "Yes, this number is fine."),
        ("Would you like updates by text or email?", "Text, please."),
        ("Have you filed any other claims this year?", "No, this is the first one."),
        ("Is the car financed or leased?", "Financed through my credit union."),
        ("What's the name of the credit union?", "Sunrise Federal Credit Union."),
        ("Did the airbags deploy?", "No, they didn't."),
        ("Any warning lights on the dashboard now?", "No warning lights."),
        ("Is there anything else about the accident we should know?", "No, I think that's everything."),
    ]
    turns = [
        ("A", "Meridian Mutual claims, this is Jordan. Are you reporting a new claim?"),
        ("C", "Yes, I was rear ended yesterday."),
        ("A", "I'm sorry to hear that. What's your policy number?"),
        ("C", "M M seven seven zero one two three."),
        ("F", "get_policy", {"policy": "MM770123"}, {"holder": "Daniel Cho", "vehicle": "2021 Toyota RAV4", "coverage": ["collision", "rental"]}),
        ("A", "Thanks, Daniel. I have your twenty twenty one RAV4. I'll ask a few questions."),
    ]
    for question, answer in qa:
        turns.append(("A", question))
        turns.append(("C", answer))
    turns += [
        ("F", "create_claim", {"policy": "MM770123", "type": "collision", "date": "2026-11-17", "police_report": "LAPD-2611447"}, {"claim": "CL-2026-55190"}),
        ("F", "reserve_rental", {"claim": "CL-2026-55190", "days": 10}, {"agency": "Metro Rent", "pickup": "2026-11-19T09:00"}),
        ("A", "Your claim number is C L five five one nine zero. A rental is reserved for you from tomorrow at nine."),
        ("C", "Great. What happens next?"),
        ("A", "An adjuster will call you within one business day and we'll contact Coastline Auto about the other driver."),
        ("C", "Thank you, Jordan. You've been very helpful."),
        ("A", "You're welcome. Take care, Daniel."),
    ]
    return turns


LONG_CALL["turns"] = long_call_turns()
CALLS.append(LONG_CALL)

# Two short calls without audio: a text-only chat import and a call with no status yet.
CALLS += [
    dict(
        slug="restaurant-table", assistant_id="asst_bistro_0c19",
        timestamp="2026-11-25T10:12:30Z", ended="customer-ended-call",
        customer="+13105550160", metadata={"restaurant": "Bistro Verde"}, audio=False,
        turns=[
            ("A", "Bistro Verde, how can I help?"),
            ("C", "A table for four on Saturday at seven thirty?"),
            ("F", "check_table", {"party": 4, "time": "2026-11-28T19:30"}, {"available": False, "alternatives": ["19:00", "20:30"]}),
            ("A", "Seven thirty is full. I have seven or eight thirty."),
            ("C", "Eight thirty works."),
            ("F", "book_table", {"party": 4, "time": "2026-11-28T20:30", "name": "Patel"}, "booked"),
            ("A", "Booked for four at eight thirty on Saturday, under Patel."),
        ]),
    dict(
        slug="hotel-late-checkout", agent=31, status="success",
        timestamp="2026-11-08T12:00:10Z", ended="assistant-ended-call",
        customer="+33142685377", metadata={"hotel": "Maison Lumière", "topic": "late checkout"}, audio=False,
        turns=[
            ("A", "Maison Lumière reservations, good afternoon."),
            ("C", "Could I get a late checkout tomorrow?"),
            ("F", "request_late_checkout", {"room": "214", "until": "14:00"}, "approved"),
            ("A", "Yes, you can check out at two p.m. at no charge."),
        ]),
]


def synth(text, voice, path):
    raw = path.with_suffix(".raw.wav")
    subprocess.run(["espeak-ng", *voice, "-w", str(raw), text], check=True)
    subprocess.run(["sox", str(raw), "-r", str(RATE), "-c", "1", str(path)], check=True)
    raw.unlink()
    return float(subprocess.run(["soxi", "-D", str(path)], check=True, capture_output=True, text=True).stdout)


def trimmed_speech(text, voice, path):
    """Synthesises text without espeak's lead-in and trailing silence; returns its length."""
    raw = path.with_suffix(".raw.wav")
    subprocess.run(["espeak-ng", *voice, "-w", str(raw), text], check=True)
    # Trimmed before resampling and without dither (-D): sox's dither is random, and the
    # word times must come out the same on every run.
    subprocess.run(["sox", "-D", str(raw), "-r", str(RATE), "-c", "1", str(path),
                    "silence", "1", "0.005", "0.1%", "reverse", "silence", "1", "0.005", "0.1%", "reverse"],
                   check=True)
    raw.unlink()
    length = float(subprocess.run(["soxi", "-D", str(path)], check=True, capture_output=True, text=True).stdout)
    if length <= 0:
        sys.exit(f"make-demo.py: espeak-ng said nothing for {text!r}")
    return length


def pause_after(word):
    # Roughly the pauses espeak-ng makes itself inside a sentence, so the turn still
    # sounds like one utterance.
    if word[-1] in ".?!":
        return 0.3
    if word[-1] in ",;:":
        return 0.16
    return 0.045


def with_speed(voice, speed):
    at = voice.index("-s")
    return [*voice[:at + 1], str(speed), *voice[at + 2:]]


def synth_words(text, voice, path):
    """Speaks text word by word into path at the pace of the whole sentence; returns its
    length and [(word, start, end)] with times in seconds from the start of path."""
    # espeak-ng draws out a word spoken on its own (it is a whole utterance then), so the
    # words are spoken faster until the joined turn lasts about as long as the sentence.
    sentence = trimmed_speech(text, voice, path)
    speed = int(voice[voice.index("-s") + 1])
    for _ in range(4):
        length, timings = join_words(text, with_speed(voice, speed), path)
        if abs(length - sentence) < 0.04 * sentence:
            break
        speed = round(speed * length / sentence)
    return length, timings


def join_words(text, voice, path):
    pieces, timings, at = [], [], 0.0
    words = text.split()
    for index, word in enumerate(words):
        clip = path.with_name(f"{path.stem}-w{index}.wav")
        length = trimmed_speech(word, voice, clip)
        timings.append((word, at, at + length))
        pieces.append(clip)
        at += length
        if index + 1 < len(words):
            gap = path.with_name(f"{path.stem}-w{index}-gap.wav")
            silence(gap, pause_after(word))
            pieces.append(gap)
            at += pause_after(word)
    subprocess.run(["sox", *map(str, pieces), str(path)], check=True)
    # Measured again, so the turn's end is the real end of the joined audio.
    length = float(subprocess.run(["soxi", "-D", str(path)], check=True, capture_output=True, text=True).stdout)
    return length, timings


def silence(path, seconds):
    seconds = max(seconds, 0.01)  # sox refuses an empty file; 10 ms is inaudible
    subprocess.run(["sox", "-n", "-r", str(RATE), "-c", "1", str(path), "trim", "0", f"{seconds:.3f}"], check=True)


def build_call(spec, rng, work, write_audio=True):
    with_audio = spec.get("audio", True)
    t = round(rng.uniform(0.3, 0.7), 2)
    turns, agent_track, caller_track = [], [], []
    cursor = 0.0  # where the audio tracks end so far

    def place(role, text, index):
        nonlocal t, cursor
        clip = work / f"{spec['slug']}-{index}.wav"
        voice = AGENT_VOICE if role == "A" else CALLER_VOICE
        if spec.get("timed_words"):
            length, timings = synth_words(text, voice, clip)
        else:
            length, timings = synth(text, voice, clip), None
        gap = work / f"{spec['slug']}-{index}-gap.wav"
        silence(gap, t - cursor)
        mute = work / f"{spec['slug']}-{index}-mute.wav"
        silence(mute, length)
        speaker, other = (agent_track, caller_track) if role == "A" else (caller_track, agent_track)
        speaker += [gap, clip]
        other += [gap, mute]
        start, end = t, t + length
        cursor = end
        t = end + rng.uniform(0.35, 1.0)
        words = None if timings is None else [
            {"word": word, "start": round(start + begin, 2), "end": round(start + finish, 2)}
            for word, begin, finish in timings]
        return round(start, 2), round(end, 2), words

    for index, turn in enumerate(spec["turns"]):
        kind = turn[0]
        if kind in ("A", "C"):
            words = None
            if with_audio:
                start, end, words = place(kind, turn[1], index)
            else:
                # Text-only calls still get plausible times (about 15 characters a second).
                start, end = round(t, 2), round(t + len(turn[1]) / 15.0, 2)
                t = end + rng.uniform(0.35, 1.0)
            turns.append({"role": "Main Agent" if kind == "A" else "Testing Agent",
                          "content": turn[1], "start_time": start, "end_time": end})
            if words:
                turns[-1]["words"] = words
        elif kind == "F":
            _, name, arguments, result = turn
            call_id = f"call_{rng.randrange(16**8):08x}"
            at = round(t - rng.uniform(0.1, 0.3), 2)
            done = round(at + rng.uniform(0.3, 0.9), 2)
            turns.append({"role": "Function Call", "content": "", "start_time": at, "end_time": at,
                          "data": {"id": call_id, "name": name, "arguments": json.dumps(arguments, separators=(",", ":"))}})
            turns.append({"role": "Function Call Result", "start_time": done, "end_time": done,
                          "data": {"id": call_id, "name": name,
                                   "result": result if isinstance(result, str) else json.dumps(result, separators=(",", ":"))}})
            t = max(t, done + rng.uniform(0.2, 0.5))
        elif kind == "P":
            t += turn[1]

    body = {"call_id": "", "transcript_type": "cekura"}
    if "agent" in spec:
        body["agent"] = spec["agent"]
    else:
        body["assistant_id"] = spec["assistant_id"]
    body["call_id"] = f"{spec['slug']}-{spec['timestamp'][5:10].replace('-', '')}-{rng.randrange(1000, 9999)}"
    body["timestamp"] = spec["timestamp"]
    body["call_ended_reason"] = spec["ended"]
    body["customer_number"] = spec["customer"]
    if spec.get("status"):
        body["status"] = spec["status"]
    if spec.get("feedback"):
        body["feedback"] = spec["feedback"]
    body["metadata"] = spec["metadata"]
    body["transcript_json"] = turns

    # A call that is only built to keep the random sequence in step needs no recording.
    if with_audio and write_audio:
        tail = work / f"{spec['slug']}-tail.wav"
        silence(tail, max(0.4, t - cursor))
        agent_track.append(tail)
        caller_track.append(tail)
        out = AUDIO / f"{spec['slug']}.ogg"
        agent_wav, caller_wav = work / f"{spec['slug']}-agent.wav", work / f"{spec['slug']}-caller.wav"
        subprocess.run(["sox", *map(str, agent_track), str(agent_wav)], check=True)
        subprocess.run(["sox", *map(str, caller_track), str(caller_wav)], check=True)
        if spec.get("stereo"):
            subprocess.run(["sox", "-M", str(agent_wav), str(caller_wav), "-C", "-1", str(out)], check=True)
            body["main_agent_channel_index"] = 0
        else:
            subprocess.run(["sox", "-m", "-v", "1", str(agent_wav), "-v", "1", str(caller_wav), "-C", "-1", str(out)], check=True)
        body["voice_recording"] = f"audio/{out.name}"
    return body


def main():
    for tool in ("espeak-ng", "sox", "soxi"):
        if not shutil.which(tool):
            sys.exit(f"make-demo.py: {tool} is required")
    slugs = [spec["slug"] for spec in CALLS]
    chosen = set(sys.argv[1:]) or set(slugs)
    if unknown := chosen - set(slugs):
        sys.exit(f"make-demo.py: no demo call named {', '.join(sorted(unknown))}")
    rng = random.Random(2026)
    if chosen == set(slugs):
        for old in HERE.glob("*.json"):
            old.unlink()
        if AUDIO.exists():
            shutil.rmtree(AUDIO)
    AUDIO.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for spec in CALLS:
            body = build_call(spec, rng, Path(tmp), write_audio=spec["slug"] in chosen)
            if spec["slug"] in chosen:
                (HERE / f"{spec['slug']}.json").write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n")
    total = sum(f.stat().st_size for f in AUDIO.iterdir())
    print(f"{len(chosen)} of {len(CALLS)} calls written; {len(list(AUDIO.iterdir()))} recordings, {total / 1024:.0f} KiB of audio")


if __name__ == "__main__":
    main()
