'use strict';
// The sample's page: lists actors (all, or those whose name starts with the search text, found
// through the actors-by-name index), shows the selected actor's reviews (newest first, a page at a
// time with the API's "next" token), adds reviews and actors, and deletes exactly the selected
// actor at the version shown (If-Match). Text is always set with textContent, never parsed as HTML.

const PAGE_SIZE = 5;
let selected = null; // the selected actor's id
let selectedVersion = null; // the version of the selected actor, sent back as If-Match
let next = null; // the token of the selected actor's next page of reviews

const $ = (id) => document.getElementById(id);

async function api(method, path, body, extraHeaders) {
  const response = await fetch(path, {
    method,
    headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...(extraHeaders || {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = response.status === 204 ? null : await response.json();
  if (!response.ok) {
    const fields = (json && json.errors) ? json.errors.map((e) => `${e.field} ${e.message}`).join('; ') : '';
    throw new Error((json && json.detail ? json.detail : response.statusText) + (fields ? ` (${fields})` : ''));
  }
  return json;
}

function show(error) {
  $('message').textContent = error ? error.message : '';
}

async function loadActors() {
  const name = $('search-name').value;
  const actors = await api('GET', name ? `/api/actors?${new URLSearchParams({ name })}` : '/api/actors');
  const list = $('actors');
  list.replaceChildren();
  for (const actor of actors) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.actorId = actor.id;
    button.textContent = actor.name;
    button.setAttribute('aria-current', String(actor.id === selected));
    button.addEventListener('click', () => select(actor).catch(show));
    item.append(button);
    list.append(item);
  }
  if (!selected && actors.length > 0) {
    await select(actors[0]);
  }
}

async function select(actor) {
  selected = actor.id;
  selectedVersion = actor.version;
  next = null;
  for (const button of document.querySelectorAll('#actors button')) {
    button.setAttribute('aria-current', String(button.dataset.actorId === selected));
  }
  $('reviews-title').textContent = `Reviews of ${actor.name}`;
  $('reviews-panel').hidden = false;
  $('reviews').replaceChildren();
  await loadReviews();
}

async function loadReviews() {
  const actorId = selected;
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (next) query.set('next', next);
  const page = await api('GET', `/api/actors/${encodeURIComponent(actorId)}/reviews?${query}`);
  if (actorId !== selected) return; // another actor was selected meanwhile
  for (const review of page.reviews) {
    $('reviews').append(reviewItem(review));
  }
  next = page.next;
  $('reviews-more').hidden = !next;
}

function reviewItem(review) {
  const item = document.createElement('li');
  item.dataset.reviewId = review.id;
  const time = document.createElement('time');
  time.dateTime = review.created;
  time.textContent = new Date(review.created).toLocaleString();
  const text = document.createElement('span');
  text.className = 'review-text';
  text.textContent = review.review;
  item.append(time, text);
  return item;
}

$('review-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const review = await api('POST', `/api/actors/${encodeURIComponent(selected)}/reviews`,
      { review: $('review-text').value });
    $('reviews').prepend(reviewItem(review));
    $('review-text').value = '';
    show(null);
  } catch (error) {
    show(error);
  }
});

$('actor-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const actor = await api('POST', '/api/actors', { id: $('actor-id').value, name: $('actor-name').value });
    $('actor-id').value = '';
    $('actor-name').value = '';
    selected = actor.id;
    await loadActors();
    await select(actor);
    show(null);
  } catch (error) {
    show(error);
  }
});

$('search-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    selected = null;
    $('reviews-panel').hidden = true;
    await loadActors();
    show(null);
  } catch (error) {
    show(error);
  }
});

$('actor-delete').addEventListener('click', async () => {
  try {
    await api('DELETE', `/api/actors/${encodeURIComponent(selected)}`, undefined,
      { 'If-Match': `"${selectedVersion}"` });
    selected = null;
    $('reviews-panel').hidden = true;
    await loadActors();
    show(null);
  } catch (error) {
    show(error);
  }
});

$('reviews-more').addEventListener('click', () => loadReviews().catch(show));

loadActors().catch(show);
